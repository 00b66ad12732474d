package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.sip.Slf4jStackLogger;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Bad SIP input costs little log: a burst of 2,000 random, truncated and mutated datagrams (no CSeq,
 * a mangled Via, 20 KB cut at the 16 KB the stack reads, random bytes, bytes flipped in a good
 * request) sent to a peer's agent adds less than 100 KB to what the process writes with the shell's
 * logging configuration (everything written to standard error and output is counted); the agent
 * answers a good MESSAGE right after, and what it dropped shows in the SIP part of {@code stats}.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrontDoorLogVolumeTest {
    private static final int BURST = 2_000;
    private static final int LOG_LIMIT_BYTES = 100 * 1024;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(2);

    private final EventLoop loop = new EventLoop("log-volume-peer");
    private OverlayPeer peer;
    private PeerAgent agent;
    private DatagramSocket socket;

    @BeforeEach
    void start() throws Exception {
        peer = OverlayPeer.start(new PeerSpec("chord", Algorithm.named("chord"), "chord.lab", InetAddress.getLoopbackAddress(),
                0, List.of(), 0, "p1"), loop, null, Duration.ZERO, Duration.ofSeconds(10));
        agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults("chord.lab", 0));
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        socket.close();
        agent.close();
        peer.close();
        loop.close();
    }

    @Test
    void aBurstOfBadDatagramsAddsLittleLogAndTheAgentAnswersRightAfter() throws Exception {
        Random random = new Random(13);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        PrintStream capture = new PrintStream(written, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        long droppedBefore = agent.malformedInput() + Slf4jStackLogger.stackErrors().count();
        int checkLine;
        try {
            LoggerFactory.getLogger(FrontDoorLogVolumeTest.class).warn("capture check");
            checkLine = written.size();
            for (int i = 0; i < BURST; i++) {
                send(bad(random, i));
                if (i % 100 == 99) answered("between-" + i); // paced: the stack drops what waited in its queue over 500 ms
            }
            assertTrue(answered("after"), "a good MESSAGE is answered right after the burst");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        long dropped = agent.malformedInput() + Slf4jStackLogger.stackErrors().count() - droppedBefore;
        String log = written.toString(StandardCharsets.UTF_8);
        assertTrue(checkLine > 0 && log.contains("capture check"), "the logging's own output is what is measured");
        int burstBytes = written.size() - checkLine;
        System.out.printf("log volume: %d datagrams, %d bytes of log, %d counted as dropped%n", BURST, burstBytes, dropped);
        assertTrue(burstBytes < LOG_LIMIT_BYTES, burstBytes + " bytes of log:\n" + log.substring(0, Math.min(log.length(), 3000)));
        assertFalse(log.contains("\tat "), "no stack trace at the default level:\n" + log.substring(0, Math.min(log.length(), 3000)));
        assertTrue(dropped >= BURST / 2, "most bad datagrams are counted, got " + dropped);

        // read once: datagrams of the burst still queued behind the good MESSAGE may be counted meanwhile
        long counted = agent.malformedInput();
        String stats = SipDropsTable.format(List.of(new SipDropsTable.Element("agent chord.lab", agent.sipAddress(), counted)));
        assertTrue(stats.contains(String.valueOf(counted)) && counted > 0, stats);
        System.out.print(stats);
    }

    /** Sends a good MESSAGE to a user nobody registered and tells whether it was answered (404) in time. */
    private boolean answered(String id) throws IOException {
        String callId = "good-" + id;
        send(request("MESSAGE", callId, true, true, "hello").getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        byte[] buffer = new byte[65_536];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 404") && text.contains(callId)) return true;
        }
        return false;
    }

    private void send(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, agent.sipAddress()));
    }

    private String request(String method, String callId, boolean withCSeq, boolean goodVia, String body) {
        return method + " sip:nobody@chord.lab SIP/2.0\r\n"
                + (goodVia ? "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                        : "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";;branch==;;,\r\n")
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@chord.lab>;tag=" + callId.hashCode() + "\r\n"
                + "To: <sip:nobody@chord.lab>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + (withCSeq ? "CSeq: 1 " + method + "\r\n" : "")
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** One bad datagram, of a kind chosen in turn, shaped at random. */
    private byte[] bad(Random random, int i) {
        String good = request("MESSAGE", "bad-" + i, true, true, "x".repeat(random.nextInt(200)));
        return switch (i % 6) {
            case 0 -> request("MESSAGE", "bad-" + i, false, true, "no cseq").getBytes(StandardCharsets.UTF_8);
            case 1 -> ("Via" + request("MESSAGE", "bad-" + i, true, false, "mangled via")).getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                byte[] cut = good.getBytes(StandardCharsets.UTF_8);
                yield java.util.Arrays.copyOf(cut, 1 + random.nextInt(cut.length - 1));
            }
            case 3 -> request("MESSAGE", "bad-" + i, true, true, "y".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                byte[] noise = new byte[1 + random.nextInt(1500)];
                random.nextBytes(noise);
                yield noise;
            }
            default -> {
                byte[] flipped = good.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 1 + random.nextInt(8); k++) flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                yield flipped;
            }
        };
    }
}
