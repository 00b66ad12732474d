package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.DomainPair;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.OverlayJoiner;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The router between two overlays, each a shared in-memory double standing for the whole DHT. */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOverlay pastry = new InMemoryOverlay("pastry");
    private final InMemoryOverlay kad = new InMemoryOverlay("kad");
    private final Map<String, Overlay> byOverlayName = Map.of("pastry", pastry, "kad", kad);
    private final StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
            entry("pastry.lab", "pastry"), entry("kad.lab", "kad"), entry("chord.lab", "chord")));
    private final OverlayJoiner joiner = e -> byOverlayName.containsKey(e.overlayName())
            ? CompletableFuture.completedFuture(byOverlayName.get(e.overlayName()))
            : CompletableFuture.failedFuture(new IllegalStateException("unreachable overlay " + e.overlayName()));
    private Router router;
    private PeerAgent pastryAgent;
    private PeerAgent kadAgent;
    private RawSipPeer carol;
    private RawSipPeer bob;

    private static DomainEntry entry(String domain, String overlay) {
        return new DomainEntry(domain, overlay, Algorithm.named("chord"), List.of(), List.of());
    }

    @BeforeEach
    void start() throws Exception {
        router = Router.start(RouterConfig.defaults("r1", 0, List.of("pastry.lab", "kad.lab", "chord.lab")), directory,
                joiner, new SoleBridgeCoordinator());
        pastryAgent = PeerAgent.start(pastry, SipAgentConfig.defaults("pastry.lab", 0));
        kadAgent = PeerAgent.start(kad, SipAgentConfig.defaults("kad.lab", 0));
        carol = RawSipPeer.open();
        bob = RawSipPeer.open();
    }

    @AfterEach
    void stop() {
        router.halt();
        pastryAgent.close();
        kadAgent.close();
        carol.close();
        bob.close();
    }

    private void register(RawSipPeer peer, String aor, InetSocketAddress registrar) {
        String domain = aor.substring(aor.indexOf('@') + 1);
        peer.send(peer.request("REGISTER", "sip:" + domain, aor, aor, "reg-" + peer.port(), 1,
                "Contact: <" + peer.contact(aor.substring(4, aor.indexOf('@'))) + ">\r\n", ""), registrar);
        assertEquals(200, peer.receiveResponse(WAIT).status());
    }

    @Test
    void bridgesEveryPairOfTheOverlaysItJoined() {
        assertEquals(java.util.Set.of("pastry.lab", "kad.lab"), router.servedDomains());
        assertEquals(java.util.Set.of(new DomainPair("pastry.lab", "kad.lab")), router.bridgedPairs());
        assertTrue(pastry.held("bridge:kad.lab").isPresent());
        assertTrue(kad.held("bridge:pastry.lab").isPresent());
    }

    @Test
    void messageCrossesFromOneOverlayToTheOtherAndTheAnswerComesBack() {
        register(bob, "sip:bob@kad.lab", kadAgent.sipAddress());
        register(carol, "sip:carol@pastry.lab", pastryAgent.sipAddress());
        carol.send(carol.request("MESSAGE", "sip:bob@kad.lab", "sip:carol@pastry.lab", "sip:bob@kad.lab", "x1", 1,
                "Content-Type: text/plain\r\n", "across"), pastryAgent.sipAddress());
        SipText delivered = bob.receive(WAIT);
        assertEquals("across", delivered.body());
        assertEquals(3, delivered.viaCount(), "carol, the pastry agent and the router");
        bob.answer(delivered, 200, "OK");
        SipText answer = carol.receiveResponse(WAIT);
        assertEquals(200, answer.status());
        assertEquals(1, answer.viaCount());
    }

    @Test
    void unknownDomainGets404AndKnownButUnjoinedDomainGets503() {
        carol.send(carol.request("MESSAGE", "sip:x@nowhere.lab", "sip:carol@pastry.lab", "sip:x@nowhere.lab", "x2", 1,
                "", "?"), router.sipAddress());
        assertEquals(404, carol.receiveResponse(WAIT).status());
        carol.send(carol.request("MESSAGE", "sip:x@chord.lab", "sip:carol@pastry.lab", "sip:x@chord.lab", "x3", 1,
                "", "?"), router.sipAddress());
        SipText unavailable = carol.receiveResponse(WAIT);
        assertEquals(503, unavailable.status());
        assertTrue(unavailable.header("Retry-After").isPresent());
    }

    @Test
    void usedUpMaxForwardsGets483() {
        register(bob, "sip:bob@kad.lab", kadAgent.sipAddress());
        String request = carol.request("MESSAGE", "sip:bob@kad.lab", "sip:carol@pastry.lab", "sip:bob@kad.lab", "x4", 1,
                "", "?").replace("Max-Forwards: 70", "Max-Forwards: 0");
        carol.send(request, router.sipAddress());
        assertEquals(483, carol.receiveResponse(WAIT).status());
    }
}
