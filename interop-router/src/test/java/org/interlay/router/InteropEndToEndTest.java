package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.router.ua.PresenceNotification;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chord, Pastry and Kademlia overlays on real UDP, an agent on a peer of each, one router joining all three. */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InteropEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<String> DOMAINS = List.of("chord.lab", "pastry.lab", "kad.lab");
    private static OverlayLab lab;
    private static Router router;

    @BeforeAll
    static void startLab() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("pastry.lab", "pastry"),
                new LabDomain("kad.lab", "kademlia")), 4, AgentPolicies.STANDARD.withPresencePoll(Duration.ofMillis(200)));
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
    void presenceChangeCrossesEveryPairInBothDirectionsAsANotify() throws Exception {
        for (String from : DOMAINS) {
            for (String to : DOMAINS) {
                if (from.equals(to)) continue;
                String presentity = "sip:p-" + from.substring(0, 1) + to.substring(0, 1) + "@" + to;
                try (UserAgent watcher = UserAgent.start(UserAgentConfig.of("sip:w-" + to.charAt(0) + "@" + from,
                        lab.agent(from).sipAddress()));
                     UserAgent owner = UserAgent.start(UserAgentConfig.of(presentity, lab.agent(to).sipAddress()))) {
                    BlockingQueue<PresenceNotification> seen = new LinkedBlockingQueue<>();
                    watcher.onPresence(seen::add);
                    watcher.subscribe(presentity, Duration.ofSeconds(60)).get(10, TimeUnit.SECONDS);
                    Eventually.take(seen, PresenceNotification::active, WAIT, "first NOTIFY " + from + " <- " + to);
                    String note = "in " + to + " for " + from;
                    assertTrue(owner.publishPresence(PresenceDocument.Basic.OPEN, note, Duration.ofSeconds(60))
                            .get(10, TimeUnit.SECONDS).isSuccess());
                    PresenceNotification change = Eventually.take(seen,
                            n -> n.document() != null && note.equals(n.document().firstNote()), WAIT,
                            "NOTIFY of " + presentity + " at " + from);
                    assertEquals(PresenceDocument.Basic.OPEN, change.document().overall());
                }
            }
        }
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
