package org.interlay.router.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import org.interlay.overlay.Overlay;
import org.interlay.router.proxy.Routing;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bridge records as a router writes them and a peer reads them, while an overlay is still forming. */
class BridgeRecordsTest {
    private static final DomainPair PAIR = new DomainPair("chord.lab", "kad.lab");

    private final InMemoryOverlay chord = new InMemoryOverlay("chord");
    private final InMemoryOverlay kad = new InMemoryOverlay("kad");
    private final Map<String, Overlay> overlays = Map.of("chord.lab", chord, "kad.lab", kad);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    /** Refreshes far apart, so only a retry can write a record that failed the first time. */
    private final BridgePublisher publisher = new BridgePublisher("r1", "sip:127.0.0.1:5070",
            d -> Optional.ofNullable(overlays.get(d)), InstantSource.system(), Duration.ofMinutes(10),
            Duration.ofMinutes(5), timers);

    @AfterEach
    void stop() {
        publisher.close();
        timers.shutdownNow();
    }

    @Test
    void aWriteThatFailsIsTriedAgainWithoutWaitingForTheRefresh() throws Exception {
        chord.setUnreachable(true);
        publisher.assign(Set.of(PAIR));
        Eventually.await(() -> kad.held(Bridge.recordName("chord.lab")).isPresent(), Duration.ofSeconds(5),
                "the bridge written into the reachable overlay");
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isEmpty());
        chord.setUnreachable(false);
        Eventually.await(() -> chord.held(Bridge.recordName("kad.lab")).isPresent(), Duration.ofSeconds(10),
                "the bridge written again once the overlay answers");
    }

    @Test
    void noBridgeIsNotRememberedSoABridgeWrittenLaterIsFoundAtOnce() throws Exception {
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, Duration.ofMinutes(1));
        Request toBob = message("sip:bob@kad.lab");
        Routing before = finder.find(toBob, Set.of()).get();
        assertEquals(404, assertInstanceOf(Routing.Refuse.class, before).status());

        publisher.assign(Set.of(PAIR));
        Eventually.await(() -> chord.held(Bridge.recordName("kad.lab")).isPresent(), Duration.ofSeconds(5),
                "the bridge written");
        Routing after = finder.find(toBob, Set.of()).get();
        Routing.Forward forward = assertInstanceOf(Routing.Forward.class, after);
        assertEquals("127.0.0.1", ((SipURI) forward.targets().get(0).hop()).getHost());
    }

    private static Request message(String requestUri) throws Exception {
        HeaderFactory headers = SipFactories.get().headers();
        AddressFactory addresses = SipFactories.get().addresses();
        SipURI uri = (SipURI) addresses.createURI(requestUri);
        return SipFactories.get().messages().createRequest(uri, Request.MESSAGE,
                headers.createCallIdHeader("call-1"), headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress("sip:alice@chord.lab"), "atag"),
                headers.createToHeader(addresses.createAddress(requestUri), null),
                List.of(headers.createViaHeader("127.0.0.1", 5090, "udp", "z9hG4bK-alice-1")),
                headers.createMaxForwardsHeader(70));
    }
}
