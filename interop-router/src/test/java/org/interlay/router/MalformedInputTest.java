package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input does not stop an agent: good MESSAGEs interleaved with malformed requests (broken
 * headers, no Call-ID, a Content-Length larger than the body, garbage bytes, huge messages, ...)
 * are all delivered and answered; each bad one gets 400 or 413, or is dropped, and is counted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MalformedInputTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofMillis(300);

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord");
    private PeerAgent agent;
    private InetSocketAddress agentAddress;
    private RawSipPeer alice;
    private RawSipPeer bob;

    @BeforeEach
    void start() throws Exception {
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0));
        agentAddress = agent.sipAddress();
        alice = RawSipPeer.open();
        bob = RawSipPeer.open();
        bob.send(bob.request("REGISTER", "sip:chord.lab", "sip:bob@chord.lab", "sip:bob@chord.lab", "reg-bob", 1,
                "Contact: <" + bob.contact("bob") + ">\r\n", ""), agentAddress);
        assertEquals(200, bob.receiveResponse(WAIT).status());
    }

    @AfterEach
    void stop() {
        agent.close();
        alice.close();
        bob.close();
        overlay.halt();
    }

    /** A good MESSAGE to bob, as alice sends it. */
    private String good(int i) {
        return alice.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab", "good-" + i, 1,
                "Content-Type: text/plain\r\n", "message " + i);
    }

    /** Malformed requests, each named by what is wrong with it. */
    private List<Bad> bad() {
        Random random = new Random(7);
        List<Bad> cases = new ArrayList<>();
        cases.add(new Bad("garbage bytes", i -> {
            byte[] b = new byte[300];
            random.nextBytes(b);
            return b;
        }));
        cases.add(new Bad("broken Via", i -> text(good(i).replaceFirst("Via: SIP/2.0/UDP [^\r]*", "Via: ???"))));
        cases.add(new Bad("broken From", i -> text(good(i).replaceFirst("From: [^\r]*", "From: <<sip:alice@@>;;tag"))));
        cases.add(new Bad("no Call-ID", i -> text(good(i).replaceFirst("Call-ID: [^\r]*\r\n", ""))));
        cases.add(new Bad("Content-Length larger than the body",
                i -> text(good(i).replaceFirst("Content-Length: \\d+", "Content-Length: 500"))));
        cases.add(new Bad("CSeq method not the request's", i -> text(good(i).replace("CSeq: 1 MESSAGE", "CSeq: 1 INVITE"))));
        cases.add(new Bad("Max-Forwards not a number", i -> text(good(i).replace("Max-Forwards: 70", "Max-Forwards: many"))));
        cases.add(new Bad("truncated request line", i -> text("MESSAGE sip:bob@chord.lab\r\n\r\n")));
        cases.add(new Bad("huge message", i -> text(alice.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab",
                "sip:bob@chord.lab", "huge-" + i, 1, "Content-Type: text/plain\r\n", "x".repeat(40_000)))));
        cases.add(new Bad("body over the limit", i -> text(alice.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab",
                "sip:bob@chord.lab", "big-" + i, 1, "Content-Type: text/plain\r\n", "y".repeat(10_000)))));
        cases.add(new Bad("NUL bytes in headers", i -> text(good(i).replace("Max-Forwards: 70", "Max-Forwards: 7\u00000"))));
        return cases;
    }

    private record Bad(String what, IntFunction<byte[]> bytes) {}

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyGoodMessageIsDeliveredBetweenBadOnes() {
        List<Bad> cases = bad();
        int rounds = 3;
        int good = 0;
        for (int round = 0; round < rounds; round++) {
            for (Bad b : cases) {
                int id = round * 100 + good;
                alice.send(good(id), agentAddress);
                SipText delivered = bob.receive(WAIT);
                assertEquals("message " + id, delivered.body(), "good message " + id);
                bob.answer(delivered, 200, "OK");
                assertEquals(200, alice.receiveResponse(WAIT).status());
                good++;

                alice.send(b.bytes().apply(id), agentAddress);
                Optional<SipText> answer = alice.poll(SILENCE);
                answer.ifPresent(a -> assertTrue(a.isResponse() && (a.status() == 400 || a.status() == 413),
                        b.what() + " answered " + a));
                assertTrue(bob.poll(Duration.ofMillis(1)).isEmpty(), b.what() + " must not reach bob");
            }
        }
        assertEquals(rounds * cases.size(), good);
        assertTrue(agent.malformedInput() >= rounds * cases.size(),
                "every bad request counted, got " + agent.malformedInput() + " of " + rounds * cases.size());
    }
}
