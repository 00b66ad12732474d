package org.interlay.overlay.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.wire.Frame;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.FrameKind;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.time.WallClock;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.PairKeyAgreement;
import org.interlay.trust.PairKeys;
import org.junit.jupiter.api.Test;

/** Frames between nodes that hold each other's certificates: MACed under keys agreed once per pair, checked as signed ones are. */
class MaccedFrameTest {
    private long now;
    private final WallClock clock = new WallClock(() -> now, Instant.parse("2026-03-01T00:00:00Z"));
    private final Authority authority = Authority.create("test", Duration.ofDays(30), clock, TestEnrolment.seeded(11));
    private final FrameCodec codec = new FrameCodec().register(Ping.TYPE);
    private final Address aAt = Address.parse("127.0.0.1:4001"), bAt = Address.parse("127.0.0.1:4002"),
            cAt = Address.parse("127.0.0.1:4003");
    private final Key aId = Key.hash("a"), bId = Key.hash("b"), cId = Key.hash("c");
    private final Credentials aCred = issue(aId), bCred = issue(bId), cCred = issue(cId);
    private final FrameSecurity a = security(aCred), b = security(bCred), c = security(cCred);

    private Credentials issue(Key id) {
        return authority.issue(CertifiedIdentity.node(id.toBytes(), Optional.of("chord")), Duration.ofDays(10));
    }

    private FrameSecurity security(Credentials credentials) {
        return new FrameSecurity(authority.trustStore(), credentials, "chord", clock);
    }

    private byte[] ping(Key sender, Address at) {
        return codec.encode(new Frame(7, FrameKind.REQUEST, 1, new NodeRef(sender, at), 5, new Ping()));
    }

    private Frame open(FrameSecurity receiver, Address from, byte[] datagram) throws Exception {
        return receiver.open(from, datagram, 0, datagram.length, codec);
    }

    private FrameRefusal refusal(FrameSecurity receiver, Address from, byte[] datagram) {
        return assertThrows(FrameRefusedException.class, () -> open(receiver, from, datagram)).reason();
    }

    private static boolean macced(byte[] datagram) throws WireFormatException {
        return SealedFrame.parse(datagram, 0, datagram.length).macced();
    }

    /** x and y exchange one signed frame each way, x first: x now holds y's certificate and knows y holds its own. */
    private void acquaint(FrameSecurity x, Key xId, Address xAt, FrameSecurity y, Key yId, Address yAt) throws Exception {
        open(y, xAt, x.seal(ping(xId, xAt), yAt, false));
        open(x, yAt, y.seal(ping(yId, yAt), xAt, false));
    }

    @Test
    void framesBetweenNodesThatHoldEachOthersCertificatesAreMaccedAndTaken() throws Exception {
        byte[] first = a.seal(ping(aId, aAt), bAt, false);
        assertFalse(macced(first), "first contact is signed");
        open(b, aAt, first);
        byte[] answer = b.seal(ping(bId, bAt), aAt, false);
        assertFalse(macced(answer), "b does not know yet that a holds its certificate");
        open(a, bAt, answer);
        for (int i = 0; i < 5; i++) {
            byte[] toB = a.seal(ping(aId, aAt), bAt, false);
            assertTrue(macced(toB), "a holds b's certificate and b holds a's");
            assertEquals(aId, open(b, aAt, toB).sender().id());
            byte[] toA = b.seal(ping(bId, bAt), aAt, false);
            assertTrue(macced(toA), "a's MACed frame named b's certificate: b may MAC too");
            assertEquals(bId, open(a, bAt, toA).sender().id());
        }
        byte[] macced = a.seal(ping(aId, aAt), bAt, false);
        assertEquals(ping(aId, aAt).length + 2 + 1 + 8 + 8 + 4 + 1 + 32 + 2 + 1 + FrameMac.BYTES, macced.length,
                "envelope, fingerprint and a 32-byte MAC");
        assertEquals(1, a.pairAgreements(), "a agreed keys with b once");
        assertEquals(1, b.pairAgreements(), "b agreed keys with a once");
        assertFalse(macced(a.seal(ping(aId, aAt), bAt, true)), "a retransmission is signed and carries the certificate");
    }

    @Test
    void aCopyOfAMaccedFrameIsAReplay() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        byte[] frame = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(frame));
        open(b, aAt, frame);
        assertEquals(FrameRefusal.REPLAYED, refusal(b, aAt, frame));
        now += FrameSecurity.WINDOW_MILLIS + 1;
        assertEquals(FrameRefusal.STALE, refusal(b, aAt, frame));
    }

    @Test
    void aFrameMaccedForOneReceiverIsRefusedByAnother() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        acquaint(a, aId, aAt, c, cId, cAt);
        byte[] forB = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(forB));
        assertEquals(FrameRefusal.BAD_MAC, refusal(c, aAt, forB), "c holds a's certificate, but the MAC was made for b");
        open(b, aAt, forB);
    }

    @Test
    void aReflectedFrameIsRefused() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        byte[] toB = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(toB));
        assertThrows(FrameRefusedException.class, () -> open(a, bAt, toB), "a's own frame sent back to it");

        // a frame that says it is b's, MACed under the key of the direction a to b: what a reflection would carry
        PairKeys aWithB = PairKeyAgreement.of(aCred).orElseThrow().with(bCred.certificate().getPublicKey(), bCred.fingerprint())
                .orElseThrow();
        PairKeys bWithA = PairKeyAgreement.of(bCred).orElseThrow().with(aCred.certificate().getPublicKey(), aCred.fingerprint())
                .orElseThrow();
        assertEquals(FrameRefusal.BAD_MAC, refusal(a, bAt, asFromB(aWithB.sending(), 100)), "the key of the other direction");
        assertEquals(bId, open(a, bAt, asFromB(bWithA.sending(), 102)).sender().id(), "the same frame under b's sending key is taken");
    }

    private byte[] asFromB(javax.crypto.SecretKey key, long nonce) {
        var unmacced = SealedFrame.unmacced(clock.millis(), nonce, SealedFrame.hintOf(aCred.fingerprint()), bCred.fingerprint(), ping(bId, bAt));
        byte[] bytes = unmacced.toByteArray();
        return SealedFrame.withAuthenticator(unmacced, new FrameMac().of(key, bytes, 0, bytes.length));
    }

    @Test
    void aFlippedByteOrAWrongKeyIsRefused() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        byte[] frame = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(frame));
        byte[] inFrame = frame.clone();
        inFrame[frame.length - FrameMac.BYTES - 5] ^= 1; // inside the open frame, before the MAC
        assertEquals(FrameRefusal.BAD_MAC, refusal(b, aAt, inFrame));
        byte[] inMac = frame.clone();
        inMac[frame.length - 1] ^= (byte) 0x80;
        assertEquals(FrameRefusal.BAD_MAC, refusal(b, aAt, inMac));
        byte[] inNonce = frame.clone();
        inNonce[12] ^= 1;
        assertEquals(FrameRefusal.BAD_MAC, refusal(b, aAt, inNonce));
        open(b, aAt, frame); // none of the copies was taken in its place

        // an outsider names a's certificate and MACs with a key of its own choosing
        byte[] guessed = new byte[PairKeys.KEY_BYTES];
        new Random(3).nextBytes(guessed);
        var unmacced = SealedFrame.unmacced(clock.millis(), 500, SealedFrame.hintOf(bCred.fingerprint()), aCred.fingerprint(), ping(aId, aAt));
        byte[] bytes = unmacced.toByteArray();
        byte[] forged = SealedFrame.withAuthenticator(unmacced,
                new FrameMac().of(new javax.crypto.spec.SecretKeySpec(guessed, PairKeys.MAC_ALGORITHM), bytes, 0, bytes.length));
        assertEquals(FrameRefusal.BAD_MAC, refusal(b, aAt, forged));
    }

    @Test
    void aMaccedFrameOfACertificateTheReceiverNeverSawIsRefused() throws Exception {
        FrameSecurity stranger = security(issue(Key.hash("d")));
        acquaint(a, aId, aAt, b, bId, bAt);
        byte[] toB = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(toB));
        assertEquals(FrameRefusal.UNKNOWN_CERTIFICATE, refusal(stranger, aAt, toB));
    }

    @Test
    void aPeerThatRestartedGetsSignedFramesAgainAndThenMaccedOnes() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        assertTrue(macced(a.seal(ping(aId, aAt), bAt, false)));

        now += 1_000;
        FrameSecurity bAgain = security(bCred); // b restarted: it holds no certificate and no keys
        byte[] lost = a.seal(ping(aId, aAt), bAt, false);
        assertEquals(FrameRefusal.UNKNOWN_CERTIFICATE, refusal(bAgain, aAt, lost));
        byte[] retry = a.seal(ping(aId, aAt), bAt, true); // the retransmission carries the certificate
        assertFalse(macced(retry));
        open(bAgain, aAt, retry);
        open(a, bAt, bAgain.seal(ping(bId, bAt), aAt, false));
        byte[] after = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(after), "b holds a's certificate again");
        open(bAgain, aAt, after);

        // b restarts once more and speaks first: its frame names no certificate of a's, so a signs again
        now += 1_000;
        FrameSecurity bThird = security(bCred);
        open(a, bAt, bThird.seal(ping(bId, bAt), aAt, false));
        byte[] signedAgain = a.seal(ping(aId, aAt), bAt, false);
        assertFalse(macced(signedAgain), "a frame of b without the hint: b has lost a's certificate");
        open(bThird, aAt, signedAgain);

        // a request of a's timed out: a forgets that b holds its certificate
        acquaint(a, aId, aAt, bThird, bId, bAt);
        assertTrue(macced(a.seal(ping(aId, aAt), bAt, false)));
        a.forgottenBy(bAt);
        assertFalse(macced(a.seal(ping(aId, aAt), bAt, false)));
    }

    @Test
    void aCertificateThatExpiredIsNoLongerMacced() throws Exception {
        acquaint(a, aId, aAt, b, bId, bAt);
        byte[] frame = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(macced(frame));
        now += Duration.ofDays(11).toMillis(); // both certificates ended after 10 days
        assertFalse(macced(a.seal(ping(aId, aAt), bAt, false)), "b's certificate is no longer valid: a signs");
        byte[] late = a.seal(ping(aId, aAt), bAt, false);
        assertEquals(FrameRefusal.CERTIFICATE_NOT_VALID, refusal(b, aAt, late));
    }
}
