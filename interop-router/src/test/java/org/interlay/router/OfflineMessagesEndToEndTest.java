package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Offline messages across overlays, on real UDP: alice in the Chord overlay, bob in the Kademlia
 * overlay, one router between them. Bob's messages wait in his overlay while he is not registered
 * and come to him, in order, when he registers again, even when the agent delivering them dies half
 * way through.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OfflineMessagesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static OverlayLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("kad.lab", "kademlia")), 4,
                AgentPolicies.STANDARD);
        lab.startRouter("r1", new SoleBridgeCoordinator());
        lab.awaitBridge("chord.lab", "kad.lab", "r1", Duration.ofSeconds(20));
        lab.awaitBridge("kad.lab", "chord.lab", "r1", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) lab.close();
    }

    private static int register(RawSipPeer peer, String user, String domain, int cseq, int expires, InetSocketAddress agent) {
        String aor = "sip:" + user + "@" + domain;
        peer.send(peer.request("REGISTER", "sip:" + domain, aor, aor, "reg-" + user + peer.port(), cseq,
                "Contact: <" + peer.contact(user) + ">;expires=" + expires + "\r\n", ""), agent);
        return peer.receiveResponse(WAIT).status();
    }

    private static int send(RawSipPeer alice, String to, String text, int n) {
        alice.send(alice.request("MESSAGE", to, "sip:alice@chord.lab", to, "offline-" + alice.port() + "-" + n, 1,
                "Content-Type: text/plain\r\n", text), lab.agent("chord.lab").sipAddress());
        return alice.receiveResponse(WAIT).status();
    }

    /** The next MESSAGE bob gets within {@code wait} (retransmissions of the one before skipped), answered with {@code status}. */
    private static Optional<SipText> nextMessage(RawSipPeer bob, Duration wait, List<String> seenCallIds, int status) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SipText> m = bob.poll(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (m.isEmpty()) return Optional.empty();
            if (m.get().isResponse() || !m.get().method().equals("MESSAGE")) continue;
            String callId = m.get().header("Call-ID").orElseThrow();
            boolean again = !seenCallIds.isEmpty() && seenCallIds.get(seenCallIds.size() - 1).equals(callId);
            if (status > 0) bob.answer(m.get(), status, status == 200 ? "OK" : "Later");
            if (again) continue;
            seenCallIds.add(callId);
            return m;
        }
        return Optional.empty();
    }

    @Test
    void bobUnregistersAliceInAnotherOverlaySendsThreeAndBobGetsThemInOrderWhenHeRegistersAgain() {
        try (RawSipPeer alice = RawSipPeer.open(); RawSipPeer bob = RawSipPeer.open()) {
            InetSocketAddress kadAgent = lab.agent("kad.lab").sipAddress();
            assertEquals(200, register(bob, "bob", "kad.lab", 1, 600, kadAgent));
            assertEquals(200, register(bob, "bob", "kad.lab", 2, 0, kadAgent));
            for (int n = 1; n <= 3; n++) {
                assertEquals(202, send(alice, "sip:bob@kad.lab", "offline " + n, n), "message " + n + " is kept");
            }
            assertEquals(200, register(bob, "bob", "kad.lab", 3, 600, kadAgent));
            List<String> bodies = new ArrayList<>();
            List<String> callIds = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                SipText m = nextMessage(bob, WAIT, callIds, 200).orElseThrow(() -> new AssertionError("no stored message"));
                assertTrue(m.header("From").orElseThrow().contains("sip:alice@chord.lab"), m.toString());
                assertTrue(m.header("Date").isPresent(), "a Date says when it was sent: " + m);
                bodies.add(m.body());
            }
            assertEquals(List.of("offline 1", "offline 2", "offline 3"), bodies);
            assertTrue(nextMessage(bob, Duration.ofSeconds(1), callIds, 200).isEmpty(), "each comes once");
        }
    }

    @Test
    void whenTheDeliveringAgentsPeerDiesHalfWayTheRestComeAtTheNextRegistrationAndNoneIsLost() throws Exception {
        Overlay doomedPeer = lab.cluster("kad.lab").nodes().get(2);
        PeerAgent doomed = PeerAgent.start(doomedPeer, SipAgentConfig.defaults("kad.lab", 0));
        try (RawSipPeer alice = RawSipPeer.open(); RawSipPeer carol = RawSipPeer.open()) {
            assertEquals(200, register(carol, "carol", "kad.lab", 1, 600, doomed.sipAddress()));
            assertEquals(200, register(carol, "carol", "kad.lab", 2, 0, doomed.sipAddress()));
            for (int n = 1; n <= 3; n++) {
                assertEquals(202, send(alice, "sip:carol@kad.lab", "kept " + n, n), "message " + n + " is kept");
            }
            assertEquals(200, register(carol, "carol", "kad.lab", 3, 600, doomed.sipAddress()));
            List<String> bodies = new ArrayList<>();
            List<String> callIds = new ArrayList<>();
            bodies.add(nextMessage(carol, WAIT, callIds, 200).orElseThrow().body());
            // the second is received but not answered: the delivering agent and its overlay peer die now
            bodies.add(nextMessage(carol, WAIT, callIds, 0).orElseThrow().body());
            doomed.close();
            doomedPeer.halt();
            assertEquals(List.of("kept 1", "kept 2"), bodies);

            // carol registers again through the other agent; its overlay repairs itself meanwhile
            InetSocketAddress other = lab.agent("kad.lab").sipAddress();
            List<String> later = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int cseq = 4;
            while (later.size() < 2 && System.nanoTime() < deadline) {
                while (carol.poll(Duration.ofMillis(50)).isPresent()) {
                    // whatever the dead agent sent last is dropped
                }
                if (register(carol, "carol", "kad.lab", cseq++, 600, other) != 200) continue;
                List<String> thisRound = new ArrayList<>();
                Optional<SipText> m;
                while ((m = nextMessage(carol, WAIT, thisRound, 200)).isPresent()) later.add(m.get().body());
            }
            assertEquals(List.of("kept 2", "kept 3"), later, "the unanswered one and the rest, in order, each once");
        } finally {
            doomed.close();
        }
    }
}
