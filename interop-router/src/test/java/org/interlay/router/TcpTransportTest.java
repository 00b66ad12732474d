package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.sip.OutboundTransport;
import org.interlay.router.sip.SipTransport;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.router.testing.TcpSipConnection;
import org.interlay.router.testing.TcpSipListener;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SIP over TCP at a peer's agent (RFC 3261 section 18), spoken by raw sockets and by the user agent. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord.lab");
    private PeerAgent agent;
    private InetSocketAddress agentAddress;

    @BeforeEach
    void start() throws Exception {
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0));
        agentAddress = agent.sipAddress();
    }

    @AfterEach
    void stop() {
        agent.close();
        overlay.halt();
    }

    /** The binding record of {@code aor} in the overlay, as text. */
    private String stored(String aor) {
        return new String(overlay.held(aor).orElseThrow().value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String register(TcpSipConnection c, String user, String contact) {
        String aor = "sip:" + user + "@chord.lab";
        return c.request("REGISTER", "sip:chord.lab", aor, aor, "reg-" + user + "-" + c.localPort(), 1,
                "Contact: <" + contact + ">\r\nExpires: 300\r\n", "");
    }

    private static String message(String via, int viaPort, String to, String body) {
        return "MESSAGE " + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + via + " 127.0.0.1:" + viaPort + ";branch=z9hG4bK-m" + body.length() + "-" + viaPort + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@chord.lab>;tag=a" + viaPort + "\r\nTo: <" + to + ">\r\n"
                + "Call-ID: m-" + viaPort + "-" + body.length() + "\r\nCSeq: 1 MESSAGE\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void registerOverTcpIsAnsweredOnItsConnectionAndTheContactKeepsItsTransport() {
        try (TcpSipConnection bob = TcpSipConnection.connect(agentAddress)) {
            String contact = "sip:bob@127.0.0.1:" + bob.localPort() + ";transport=tcp";
            bob.send(register(bob, "bob", contact));
            SipText ok = bob.receive(WAIT);
            assertEquals(200, ok.status());
            assertTrue(ok.header("Via").orElseThrow().startsWith("SIP/2.0/TCP"), ok.headers().toString());
            assertTrue(ok.header("Contact").orElseThrow().contains("transport=tcp"), ok.headers().toString());
            assertTrue(stored("sip:bob@chord.lab").contains(contact),
                    "the stored binding keeps ;transport=tcp");
        }
    }

    @Test
    void messageToATcpContactGoesOverTcpAndTheAnswerReachesAUdpSender() {
        try (TcpSipListener bob = TcpSipListener.open(); RawSipPeer alice = RawSipPeer.open();
             TcpSipConnection registration = TcpSipConnection.connect(agentAddress)) {
            registration.send(register(registration, "bob", bob.contact("bob", ";transport=tcp")));
            assertEquals(200, registration.receive(WAIT).status());

            alice.send(message("UDP", alice.port(), "sip:bob@chord.lab", "over tcp"), agentAddress);
            try (TcpSipConnection toBob = bob.accept(WAIT)) {
                SipText delivered = toBob.receive(WAIT);
                assertEquals("MESSAGE", delivered.method());
                assertEquals("over tcp", delivered.body());
                assertTrue(delivered.headers("Via").get(0).startsWith("SIP/2.0/TCP"), "the agent's Via names TCP");
                assertTrue(delivered.requestUri().contains("transport=tcp"), delivered.requestUri());
                toBob.answer(delivered, 200, "OK");
                assertEquals(200, alice.receiveResponse(WAIT).status());
            }
        }
    }

    @Test
    void aRequestLargerThan1300BytesGoesOverTcpToAContactThatNamesNoTransport() {
        try (TcpSipListener bob = TcpSipListener.open(); RawSipPeer alice = RawSipPeer.open();
             TcpSipConnection registration = TcpSipConnection.connect(agentAddress)) {
            registration.send(register(registration, "bob", bob.contact("bob", "")));
            assertEquals(200, registration.receive(WAIT).status());

            String large = "x".repeat(OutboundTransport.UDP_MAX_BYTES + 200);
            alice.send(message("UDP", alice.port(), "sip:bob@chord.lab", large), agentAddress);
            try (TcpSipConnection toBob = bob.accept(WAIT)) {
                SipText delivered = toBob.receive(WAIT);
                assertEquals(large, delivered.body());
                assertTrue(delivered.headers("Via").get(0).startsWith("SIP/2.0/TCP"), delivered.headers("Via").get(0));
                toBob.answer(delivered, 200, "OK");
                assertEquals(200, alice.receiveResponse(WAIT).status());
            }
        }
    }

    @Test
    void aLargeRequestToAPeerWithoutTcpIsSentAgainOverUdp() {
        try (RawSipPeer bob = RawSipPeer.open(); RawSipPeer alice = RawSipPeer.open();
             TcpSipConnection registration = TcpSipConnection.connect(agentAddress)) {
            registration.send(register(registration, "bob", bob.contact("bob")));
            assertEquals(200, registration.receive(WAIT).status());

            String large = "y".repeat(OutboundTransport.UDP_MAX_BYTES + 200);
            alice.send(message("UDP", alice.port(), "sip:bob@chord.lab", large), agentAddress);
            SipText delivered = bob.receive(WAIT);
            assertEquals(large, delivered.body());
            assertTrue(delivered.headers("Via").get(0).startsWith("SIP/2.0/UDP"), delivered.headers("Via").get(0));
            bob.answer(delivered, 200, "OK");
            assertEquals(200, alice.receiveResponse(WAIT).status());
        }
    }

    @Test
    void aPeerThatDiesHalfWayThroughAMessageIsSurvived() {
        try (TcpSipConnection dying = TcpSipConnection.connect(agentAddress)) {
            String whole = register(dying, "carol", "sip:carol@127.0.0.1:5999;transport=tcp");
            dying.send(whole.substring(0, whole.length() / 2));
        }
        try (TcpSipConnection bodyCut = TcpSipConnection.connect(agentAddress)) {
            String withBody = message("TCP", bodyCut.localPort(), "sip:nobody@chord.lab", "a body that never ends");
            bodyCut.send(withBody.substring(0, withBody.length() - 10));
        }
        try (TcpSipConnection next = TcpSipConnection.connect(agentAddress); RawSipPeer udp = RawSipPeer.open()) {
            next.send(register(next, "dave", "sip:dave@127.0.0.1:" + next.localPort() + ";transport=tcp"));
            assertEquals(200, next.receive(WAIT).status());
            udp.send(udp.request("REGISTER", "sip:chord.lab", "sip:erin@chord.lab", "sip:erin@chord.lab", "reg-erin", 1,
                    "Contact: <" + udp.contact("erin") + ">\r\n", ""), agentAddress);
            assertEquals(200, udp.receiveResponse(WAIT).status());
        }
    }

    @Test
    void overTcpABodyOverTheLimitGets413AndAMessageOverTheStacksLimitEndsItsConnection() throws Exception {
        try (TcpSipConnection alice = TcpSipConnection.connect(agentAddress)) {
            String overBodyLimit = "b".repeat(org.interlay.router.sip.MessageSizeLimit.BODY_BYTES + 1);
            alice.send(message("TCP", alice.localPort(), "sip:bob@chord.lab", overBodyLimit));
            assertEquals(413, alice.receive(WAIT).status());
        }
        try (TcpSipConnection mallory = TcpSipConnection.connect(agentAddress)) {
            String overStackLimit = "c".repeat(org.interlay.router.sip.SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES + 1);
            long droppedBefore = agent.malformedInput();
            mallory.send(message("TCP", mallory.localPort(), "sip:bob@chord.lab", overStackLimit));
            assertTrue(mallory.closedByPeerWithin(WAIT), "a message longer than the stack reads ends the connection");
            Eventually.await(() -> agent.malformedInput() > droppedBefore, WAIT, "the oversized message counted as dropped");
        }
        try (TcpSipConnection next = TcpSipConnection.connect(agentAddress)) {
            next.send(register(next, "frank", "sip:frank@127.0.0.1:" + next.localPort() + ";transport=tcp"));
            assertEquals(200, next.receive(WAIT).status());
        }
    }

    @Test
    void userAgentsOnTcpRegisterAndExchangeMessagesOverTcp() throws Exception {
        try (UserAgent alice = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", agentAddress)
                .withTransport(SipTransport.TCP));
             UserAgent bob = UserAgent.start(UserAgentConfig.of("sip:bob@chord.lab", agentAddress)
                     .withTransport(SipTransport.TCP))) {
            assertTrue(bob.register(Duration.ofSeconds(300)).get(5, TimeUnit.SECONDS).isSuccess());
            assertTrue(stored("sip:bob@chord.lab").contains(";transport=tcp"));
            BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
            bob.onMessage(received::add);
            String large = "z".repeat(4000);
            assertTrue(alice.sendMessage("sip:bob@chord.lab", "small").get(5, TimeUnit.SECONDS).isSuccess());
            assertTrue(alice.sendMessage("sip:bob@chord.lab", large).get(5, TimeUnit.SECONDS).isSuccess());
            assertEquals("small", Eventually.take(received, m -> true, WAIT, "the small message").text());
            assertEquals(large, Eventually.take(received, m -> true, WAIT, "the large message").text());
        }
    }
}
