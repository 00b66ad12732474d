package org.interlay.router.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import org.interlay.overlay.Overlay;
import org.interlay.router.proxy.Routing;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bridge records as a router writes them and a peer reads them, while an overlay is still forming; in virtual time. */
class BridgeRecordsTest {
    private static final DomainPair PAIR = new DomainPair("chord.lab", "kad.lab");
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final VirtualScheduler time = new VirtualScheduler();
    private final InMemoryOverlay chord = new InMemoryOverlay("chord", time);
    private final InMemoryOverlay kad = new InMemoryOverlay("kad", time);
    private final Map<String, Overlay> overlays = Map.of("chord.lab", chord, "kad.lab", kad);
    /** Refreshes far apart, so only a retry can write a record that failed the first time. */
    private final BridgePublisher publisher = new BridgePublisher("r1", "sip:127.0.0.1:5070",
            d -> Optional.ofNullable(overlays.get(d)), new WallClock(time, Instant.parse("2026-01-01T00:00:00Z")), TTL,
            REFRESH, time);

    @AfterEach
    void stop() {
        publisher.close();
    }

    private <T> T done(CompletableFuture<T> future) throws Exception {
        time.runFor(0); // what is due now, without moving time
        assertTrue(future.isDone(), "the overlay answers");
        return future.get();
    }

    @Test
    void aWriteThatFailsIsTriedAgainWithoutWaitingForTheRefresh() {
        chord.setUnreachable(true);
        publisher.assign(Set.of(PAIR));
        time.runFor(1);
        assertTrue(kad.held(Bridge.recordName("chord.lab")).isPresent(), "the bridge written into the reachable overlay");
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isEmpty());
        chord.setUnreachable(false);
        time.runFor(Duration.ofSeconds(1).toMillis());
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isPresent(), "the bridge written again once the overlay answers");
    }

    @Test
    void aWriteIsTriedAFewTimesOnlyUntilTheNextRefresh() {
        chord.setUnreachable(true);
        publisher.assign(Set.of(PAIR));
        time.runFor(REFRESH.toMillis() - 1);
        assertEquals(6, chord.puts(), "the first write and five retries, a second apart");
        time.runFor(1);
        assertEquals(7, chord.puts(), "written again at the refresh");
    }

    @Test
    void recordsAreRefreshedWhileAssignedAndLapseOnceThePairIsTakenAway() {
        publisher.assign(Set.of(PAIR));
        time.runFor(TTL.plusMinutes(1).toMillis());
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isPresent(), "refreshed before it expired");
        assertTrue(isLive(kad, "chord.lab"));
        publisher.assign(Set.of());
        time.runFor(TTL.toMillis() - REFRESH.toMillis() - 1);
        assertTrue(isLive(kad, "chord.lab"), "the last record lives out its time");
        time.runFor(REFRESH.toMillis() + 1);
        assertTrue(!isLive(kad, "chord.lab"), "no longer refreshed, so expired");
    }

    private boolean isLive(InMemoryOverlay overlay, String domain) {
        return overlay.held(Bridge.recordName(domain)).filter(r -> !r.isExpired(time.nowMillis())).isPresent();
    }

    @Test
    void noBridgeIsNotRememberedSoABridgeWrittenLaterIsFoundAtOnce() throws Exception {
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, Duration.ofMinutes(1), time);
        Request toBob = message("sip:bob@kad.lab");
        Routing before = done(finder.find(toBob, Set.of()));
        assertEquals(404, assertInstanceOf(Routing.Refuse.class, before).status());
        assertEquals("No router bridges to kad.lab", ((Routing.Refuse) before).reason());

        publisher.assign(Set.of(PAIR));
        time.runFor(1);
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isPresent(), "the bridge written");
        Routing after = done(finder.find(toBob, Set.of()));
        Routing.Forward forward = assertInstanceOf(Routing.Forward.class, after);
        assertEquals("127.0.0.1", ((SipURI) forward.targets().get(0).hop()).getHost());
    }

    @Test
    void whenNoLiveRouterIsLeftTheRequestIsRefusedAtOnceWhateverRecordIsLeftBehind() throws Exception {
        publisher.assign(Set.of(PAIR));
        time.runFor(1);
        assertTrue(chord.held(Bridge.recordName("kad.lab")).isPresent(), "the dead router's record is still there");
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, (overlay, domain) -> false, Duration.ofMinutes(1), time);
        int reads = chord.gets();
        Routing.Refuse refuse = assertInstanceOf(Routing.Refuse.class, done(finder.find(message("sip:bob@kad.lab"), Set.of())));
        assertEquals(503, refuse.status());
        assertEquals("No router bridges to kad.lab", refuse.reason());
        assertTrue(refuse.definite(), "a proxy failing over does not wait for another router");
        assertEquals(reads, chord.gets(), "answered without reading the overlay");
    }

    @Test
    void aBridgeIsReadFromTheCacheUntilItsTimeToLiveUnlessItsRouterFailed() throws Exception {
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, Duration.ofSeconds(2), time);
        publisher.assign(Set.of(PAIR));
        time.runFor(1);
        Request toBob = message("sip:bob@kad.lab");
        done(finder.find(toBob, Set.of()));
        int reads = chord.gets();
        time.runFor(1_999);
        done(finder.find(toBob, Set.of()));
        assertEquals(reads, chord.gets(), "kept for its time to live");
        done(finder.find(toBob, Set.of(forward(finder, toBob))));
        assertEquals(reads + 1, chord.gets(), "read again when its router did not answer");
        done(finder.find(toBob, Set.of(forward(finder, toBob))));
        assertEquals(reads + 1, chord.gets(), "unless the copy at hand was read a moment ago");
        time.runFor(2_000);
        done(finder.find(toBob, Set.of()));
        assertEquals(reads + 2, chord.gets(), "read again once its time to live is over");
    }

    @Test
    void whenItsRouterDidNotAnswerAndAStandbyIsThereTheFinderSaysToWaitForTheStandbysRecord() throws Exception {
        publisher.assign(Set.of(PAIR));
        time.runFor(1);
        RouterRoster standbyThere = new RouterRoster() {
            @Override
            public boolean mayBridge(String overlayName, String domain) {
                return true;
            }

            @Override
            public boolean hasStandby(String overlayName, String domain, String routerId) {
                return overlayName.equals("chord") && domain.equals("kad.lab") && routerId.equals("r1");
            }
        };
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, standbyThere, Duration.ofMinutes(1), time);
        Request toBob = message("sip:bob@kad.lab");
        javax.sip.address.URI r1 = forward(finder, toBob);
        Routing.NoHopYet wait = assertInstanceOf(Routing.NoHopYet.class, done(finder.find(toBob, Set.of(r1))));
        assertEquals("Router r1 bridging to kad.lab does not answer", wait.reason());
        assertInstanceOf(Routing.Forward.class, done(finder.find(toBob, Set.of())), "a router not suspected is used");

        BridgeFinder noStandby = new BridgeFinder(chord, "chord.lab"::equals, RouterRoster.UNKNOWN, Duration.ofMinutes(1), time);
        assertInstanceOf(Routing.Forward.class, done(noStandby.find(toBob, Set.of(r1))),
                "with no standby known the finder names the router it has; the proxy's window decides");
    }

    @Test
    void whenItsRouterDidNotAnswerAndItsRecordIsGoneTheFinderWaitsWhileARouterIsListedInBothOverlays() throws Exception {
        RouterRoster routerInBoth = new RouterRoster() {
            @Override
            public boolean mayBridge(String overlayName, String domain) {
                return true;
            }

            @Override
            public boolean hasRouterInBoth(String overlayName, String domain) {
                return overlayName.equals("chord") && domain.equals("kad.lab");
            }
        };
        BridgeFinder finder = new BridgeFinder(chord, "chord.lab"::equals, routerInBoth, Duration.ofMinutes(1), time);
        Request toBob = message("sip:bob@kad.lab");
        javax.sip.address.URI deadRouter = SipFactories.get().addresses().createURI("sip:127.0.0.1:5070;lr");
        // no record in the overlay: the peer that held it died with the router
        Routing.NoHopYet wait = assertInstanceOf(Routing.NoHopYet.class, done(finder.find(toBob, Set.of(deadRouter))));
        assertEquals("No bridge to kad.lab written yet since its router stopped answering", wait.reason());
        assertEquals(404, assertInstanceOf(Routing.Refuse.class, done(finder.find(toBob, Set.of()))).status(),
                "a request no router has failed yet is told at once that nothing bridges");

        BridgeFinder noRouterKnown = new BridgeFinder(chord, "chord.lab"::equals, RouterRoster.UNKNOWN, Duration.ofMinutes(1), time);
        assertEquals(404, assertInstanceOf(Routing.Refuse.class, done(noRouterKnown.find(toBob, Set.of(deadRouter)))).status(),
                "with no router known to be in both overlays there is nothing to wait for");
    }

    private javax.sip.address.URI forward(BridgeFinder finder, Request request) throws Exception {
        return assertInstanceOf(Routing.Forward.class, done(finder.find(request, Set.of()))).targets().get(0).hop();
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
