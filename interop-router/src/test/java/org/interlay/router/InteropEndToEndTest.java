package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chord, Pastry and Kademlia overlays on real UDP, an agent on a peer of each, one router joining all three. */
class InteropEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<String> DOMAINS = List.of("chord.lab", "pastry.lab", "kad.lab");
    private static OverlayLab lab;
    private static Router router;

    @BeforeAll
    static void startLab() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("pastry.lab", "pastry"),
                new LabDomain("kad.lab", "kademlia")), 4, AgentPolicies.STANDARD);
        router = lab.startRouter("r1", new SoleBridgeCoordinator());
        for (String from : DOMAINS) {
            for (String to : DOMAINS) {
                if (!from.equals(to)) lab.awaitBridge(from, to, "r1", Duration.ofSeconds(20));
            }
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) lab.close();
    }

    private static void register(RawSipPeer peer, String user, String domain) {
        String aor = "sip:" + user + "@" + domain;
        peer.send(peer.request("REGISTER", "sip:" + domain, aor, aor, "reg-" + user + peer.port(), 1,
                "Contact: <" + peer.contact(user) + ">\r\n", ""), lab.agent(domain).sipAddress());
        assertEquals(200, peer.receiveResponse(WAIT).status(), "registering " + aor);
    }

    @Test
    void messageCrossesEveryPairInBothDirections() {
        for (String from : DOMAINS) {
            for (String to : DOMAINS) {
                if (from.equals(to)) continue;
                try (RawSipPeer sender = RawSipPeer.open(); RawSipPeer receiver = RawSipPeer.open()) {
                    String user = "u" + receiver.port();
                    register(receiver, user, to);
                    register(sender, "s" + sender.port(), from);
                    InetSocketAddress agent = lab.agent(from).sipAddress();
                    String body = "from " + from + " to " + to;
                    sender.send(sender.request("MESSAGE", "sip:" + user + "@" + to, "sip:s" + sender.port() + "@" + from,
                            "sip:" + user + "@" + to, "c-" + from + "-" + to, 1, "Content-Type: text/plain\r\n", body), agent);
                    SipText delivered = receiver.receive(WAIT);
                    assertEquals("MESSAGE", delivered.method());
                    assertEquals(body, delivered.body());
                    receiver.answer(delivered, 200, "OK");
                    assertEquals(200, sender.receiveResponse(WAIT).status(), from + " -> " + to);
                }
            }
        }
    }
}
