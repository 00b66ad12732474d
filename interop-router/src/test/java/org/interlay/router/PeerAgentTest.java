package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord.lab");
    private PeerAgent agent;
    private RawSipPeer alice;
    private RawSipPeer bob;
    private InetSocketAddress agentAddress;

    @BeforeEach
    void start() throws Exception {
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0));
        agentAddress = agent.sipAddress();
        alice = RawSipPeer.open();
        bob = RawSipPeer.open();
    }

    @AfterEach
    void stop() {
        agent.close();
        alice.close();
        bob.close();
        overlay.halt();
    }

    private SipText register(RawSipPeer peer, String user, String contactHeaders, int cseq) {
        peer.send(peer.request("REGISTER", "sip:chord.lab", "sip:" + user + "@chord.lab", "sip:" + user + "@chord.lab",
                "reg-" + user + "-" + peer.port(), cseq, contactHeaders, ""), agentAddress);
        return peer.receiveResponse(WAIT);
    }

    @Test
    void registerStoresTheBindingInTheOverlayAndListsIt() {
        SipText ok = register(bob, "bob", "Contact: <" + bob.contact("bob") + ">\r\nExpires: 300\r\n", 1);
        assertEquals(200, ok.status());
        assertTrue(ok.header("Contact").orElseThrow().contains(bob.contact("bob")), ok.headers().toString());
        assertTrue(ok.header("Contact").orElseThrow().contains("expires=300"), ok.headers().toString());
        assertTrue(overlay.held("sip:bob@chord.lab").isPresent());
    }

    @Test
    void messageReachesTheRegisteredContactAndTheAnswerComesBack() {
        assertEquals(200, register(bob, "bob", "Contact: <" + bob.contact("bob") + ">\r\n", 1).status());
        alice.send(alice.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab", "m1", 1,
                "Content-Type: text/plain\r\n", "hello bob"), agentAddress);
        SipText delivered = bob.receive(WAIT);
        assertEquals("MESSAGE", delivered.method());
        assertEquals(bob.contact("bob"), delivered.requestUri());
        assertEquals("hello bob", delivered.body());
        assertEquals(2, delivered.viaCount());
        bob.answer(delivered, 200, "OK");
        SipText answer = alice.receiveResponse(WAIT);
        assertEquals(200, answer.status());
        assertEquals(1, answer.viaCount());
    }

    @Test
    void unknownUserGets404AndAnUnregisteredUsersMessageIsKeptWhileOtherRequestsGet480() {
        alice.send(alice.request("MESSAGE", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab", "m2", 1,
                "", "hi"), agentAddress);
        assertEquals(404, alice.receiveResponse(WAIT).status());

        assertEquals(200, register(bob, "bob", "Contact: <" + bob.contact("bob") + ">\r\n", 1).status());
        assertEquals(200, register(bob, "bob", "Contact: *\r\nExpires: 0\r\n", 2).status());
        alice.send(alice.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab", "m3", 1,
                "", "hi"), agentAddress);
        assertEquals(202, alice.receiveResponse(WAIT).status());
        alice.send(alice.request("OPTIONS", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab", "o1", 1,
                "", ""), agentAddress);
        assertEquals(480, alice.receiveResponse(WAIT).status());

        assertEquals(200, register(bob, "bob", "Contact: <" + bob.contact("bob") + ">\r\n", 3).status());
        SipText kept = bob.receive(WAIT);
        assertEquals("MESSAGE", kept.method());
        assertEquals("hi", kept.body());
        bob.answer(kept, 200, "OK");
    }
}
