package org.interlay.router.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls between two user agents on loopback, the caller sending its INVITE straight to the callee (as
 * if the callee were its outbound proxy): what rings, what is answered, the audio flowing both ways
 * between their own media ports, and every way a call ends.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserAgentCallTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private UserAgent alice;
    private UserAgent bob;
    private final BlockingQueue<String> aliceSees = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> bobSees = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        bob = UserAgent.start(UserAgentConfig.of("sip:bob@kad.lab", new InetSocketAddress("127.0.0.1", 9)));
        alice = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", bob.sipAddress()));
        bob.moveTo(alice.sipAddress());
        alice.onCall(c -> aliceSees.add(c.state() + (c.endReason().isEmpty() ? "" : " " + c.endReason())));
        bob.onCall(bobSees::add);
    }

    @AfterEach
    void stop() {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
    }

    private Call ringingAtBob() throws InterruptedException {
        return Eventually.take(bobSees, c -> c.state() == Call.State.RINGING, WAIT, "bob's phone ringing");
    }

    private void aliceSees(String what) throws InterruptedException {
        Eventually.take(aliceSees, s -> s.equals(what), WAIT, "alice's call " + what + " (she saw " + aliceSees + ")");
    }

    @Test
    void aCallRingsIsAnsweredCarriesAudioBothWaysAndEndsWithBye() throws Exception {
        Call out = alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        assertEquals("sip:alice@chord.lab", in.peer());
        assertEquals(Call.Direction.INCOMING, in.direction());
        aliceSees("RINGING");
        bob.answer(in);
        aliceSees("ESTABLISHED");
        Eventually.await(() -> in.state() == Call.State.ESTABLISHED, WAIT, "bob's side established (the ACK came)");
        Eventually.await(() -> out.media().received() >= 10 && in.media().received() >= 10, WAIT,
                "ten packets each way (alice " + out.media() + ", bob " + in.media() + ")");
        assertEquals(0, out.media().dropped());
        assertEquals(0, in.media().dropped());
        SipOutcome bye = alice.hangup(out).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, bye.status(), bye.toString());
        assertEquals(Call.State.ENDED, out.state());
        assertEquals("hung up", out.endReason());
        Eventually.await(() -> in.state() == Call.State.ENDED, WAIT, "bob's side ended");
        assertEquals("hung up by sip:alice@chord.lab", in.endReason());
    }

    @Test
    void theCalleeHangsUpToo() throws Exception {
        Call out = alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        bob.answer(in);
        aliceSees("ESTABLISHED");
        Eventually.await(() -> in.state() == Call.State.ESTABLISHED, WAIT, "bob's side established");
        assertEquals(200, bob.hangup(in).get(WAIT.toSeconds(), TimeUnit.SECONDS).status());
        aliceSees("ENDED hung up by sip:bob@kad.lab");
        assertEquals(Call.State.ENDED, out.state());
    }

    @Test
    void aCallerCancelsWhileItRings() throws Exception {
        Call out = alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        aliceSees("RINGING");
        alice.hangup(out);
        aliceSees("ENDED cancelled");
        Eventually.await(() -> in.state() == Call.State.ENDED, WAIT, "bob's phone stops ringing");
        assertEquals("cancelled by sip:alice@chord.lab", in.endReason());
        assertThrows(IllegalStateException.class, () -> bob.answer(in), "a cancelled call cannot be answered");
    }

    @Test
    void aCalleeDeclines() throws Exception {
        alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        bob.hangup(in);
        aliceSees("ENDED 603 Decline");
        assertEquals("declined", in.endReason());
    }

    @Test
    void aCalleeThatVanishesMidCallLeavesTheCallerAbleToHangUp() throws Exception {
        Call out = alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        bob.answer(in);
        aliceSees("ESTABLISHED");
        bob.close();
        bob = null;
        alice.hangup(out);
        assertEquals(Call.State.ENDED, out.state(), "the call ends on this side at once, whatever becomes of the BYE");
    }

    @Test
    void whatIsNotRtpOnAMediaPortIsCountedAndDropped() throws Exception {
        Call out = alice.call("sip:bob@kad.lab");
        Call in = ringingAtBob();
        bob.answer(in);
        aliceSees("ESTABLISHED");
        try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 0; i < 5; i++) {
                byte[] junk = {1, 2, 3};
                stranger.send(new DatagramPacket(junk, junk.length, in.mediaAddress()));
            }
        }
        Eventually.await(() -> in.media().dropped() == 5, WAIT, "five datagrams dropped (" + in.media() + ")");
        Eventually.await(() -> out.media().received() > 0 && in.media().received() > 0, WAIT, "audio still flows");
        alice.hangup(out);
    }

    @Test
    void anInviteWithoutUsableAudioIsRefusedWith488() throws Exception {
        try (RawSipPeer caller = RawSipPeer.open()) {
            String invite = "INVITE sip:bob@kad.lab SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-raw-488\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:carol@chord.lab>;tag=c1\r\nTo: <sip:bob@kad.lab>\r\n"
                    + "Call-ID: raw-488\r\nCSeq: 1 INVITE\r\nContact: <" + caller.contact("carol") + ">\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: 9\r\n\r\nnot sdp\r\n";
            caller.send(invite, bob.sipAddress());
            SipText answer = pollFinal(caller);
            assertTrue(answer.firstLine().startsWith("SIP/2.0 488"), answer.firstLine());
        }
        assertTrue(bob.calls().isEmpty(), "nothing rang");
    }

    @Test
    void byeAndCancelForNoCallAre481() throws Exception {
        try (RawSipPeer peer = RawSipPeer.open()) {
            for (String method : List.of("BYE", "CANCEL")) {
                String request = method + " sip:bob@127.0.0.1 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK-raw-" + method + "\r\n"
                        + "Max-Forwards: 70\r\nFrom: <sip:carol@chord.lab>;tag=c1\r\nTo: <sip:bob@kad.lab>;tag=b1\r\n"
                        + "Call-ID: raw-481-" + method + "\r\nCSeq: 2 " + method + "\r\nContent-Length: 0\r\n\r\n";
                peer.send(request, bob.sipAddress());
                SipText answer = pollFinal(peer);
                assertTrue(answer.firstLine().startsWith("SIP/2.0 481"), method + ": " + answer.firstLine());
            }
        }
    }

    private static SipText pollFinal(RawSipPeer peer) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            SipText m = peer.poll(Duration.ofMillis(500)).orElse(null);
            if (m != null && !m.firstLine().startsWith("SIP/2.0 1")) return m;
        }
        throw new AssertionError("no final response within " + WAIT);
    }
}
