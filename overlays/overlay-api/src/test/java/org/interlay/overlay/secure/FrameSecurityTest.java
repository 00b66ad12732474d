package org.interlay.overlay.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.wire.Frame;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.FrameKind;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.Test;

/** Sealing and opening frames with real certificates and keys, time moved by hand. */
class FrameSecurityTest {
    private long now;
    private final WallClock clock = new WallClock(() -> now, Instant.parse("2026-03-01T00:00:00Z"));
    private final Authority authority = Authority.create("test", Duration.ofDays(30), clock, seeded(1));
    private final FrameCodec codec = new FrameCodec().register(Ping.TYPE);
    private final Address aAt = Address.parse("127.0.0.1:4001"), bAt = Address.parse("127.0.0.1:4002");
    private final Key aId = Key.hash("a"), bId = Key.hash("b");
    private final FrameSecurity a = security(authority, aId, Optional.of("chord"));
    private final FrameSecurity b = security(authority, bId, Optional.of("chord"));

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FrameSecurity security(Authority by, Key id, Optional<String> overlay) {
        Credentials c = by.issue(CertifiedIdentity.node(id.toBytes(), overlay), Duration.ofDays(10));
        return new FrameSecurity(authority.trustStore(), c, "chord", clock);
    }

    private byte[] ping(Key sender, Address at) {
        return codec.encode(new Frame(7, FrameKind.REQUEST, 1, new NodeRef(sender, at), 5, new Ping()));
    }

    private FrameRefusal refusal(FrameSecurity receiver, Address from, byte[] datagram) {
        return assertThrows(FrameRefusedException.class, () -> receiver.open(from, datagram, 0, datagram.length, codec)).reason();
    }

    @Test
    void aSealedFrameOpensOnceAndCarriesItsCertificateUntilTheReceiverSaysItHoldsIt() throws Exception {
        byte[] first = a.seal(ping(aId, aAt), bAt, false);
        assertEquals(aId, b.open(aAt, first, 0, first.length, codec).sender().id());
        assertEquals(FrameRefusal.REPLAYED, refusal(b, aAt, first));
        // b answers with a hint naming a's certificate, so a may refer to it by fingerprint from now on
        byte[] answer = b.seal(ping(bId, bAt), aAt, false);
        a.open(bAt, answer, 0, answer.length, codec);
        byte[] second = a.seal(ping(aId, aAt), bAt, false);
        assertTrue(second.length < first.length - 600, "by fingerprint: " + second.length + " bytes, with the certificate " + first.length);
        b.open(aAt, second, 0, second.length, codec);
        assertTrue(a.seal(ping(aId, aAt), bAt, true).length > first.length - 10, "a retry carries the certificate again");
    }

    @Test
    void unsignedStaleForeignAndFalseIdFramesAreRefused() {
        byte[] open = ping(aId, aAt);
        assertEquals(FrameRefusal.UNSIGNED, refusal(b, aAt, open));

        byte[] old = a.seal(ping(aId, aAt), bAt, false);
        now += FrameSecurity.WINDOW_MILLIS + 1;
        assertEquals(FrameRefusal.STALE, refusal(b, aAt, old));

        Authority other = Authority.create("other", Duration.ofDays(30), clock, seeded(2));
        FrameSecurity outsider = security(other, aId, Optional.of("chord"));
        assertEquals(FrameRefusal.FOREIGN_AUTHORITY, refusal(b, aAt, outsider.seal(ping(aId, aAt), bAt, false)));

        assertEquals(FrameRefusal.NODE_ID_MISMATCH, refusal(b, aAt, a.seal(ping(Key.hash("someone else"), aAt), bAt, false)));

        FrameSecurity elsewhere = security(authority, Key.hash("c"), Optional.of("pastry"));
        assertEquals(FrameRefusal.WRONG_OVERLAY, refusal(b, aAt, elsewhere.seal(ping(Key.hash("c"), aAt), bAt, false)));
    }

    @Test
    void aFingerprintTheReceiverDoesNotKnowIsRefusedAndAFlippedByteBreaksTheSignature() throws Exception {
        FrameSecurity fresh = security(authority, Key.hash("d"), Optional.empty());
        // a is told b holds its certificate; a receiver that never saw it refuses a frame that only names it
        byte[] first = a.seal(ping(aId, aAt), bAt, false);
        b.open(aAt, first, 0, first.length, codec);
        byte[] answer = b.seal(ping(bId, bAt), aAt, false);
        a.open(bAt, answer, 0, answer.length, codec);
        byte[] byFingerprint = a.seal(ping(aId, aAt), bAt, false);
        assertEquals(FrameRefusal.UNKNOWN_CERTIFICATE, refusal(fresh, aAt, byFingerprint));

        byte[] signed = a.seal(ping(aId, aAt), bAt, true);
        byte[] flipped = signed.clone();
        flipped[signed.length - 80] ^= 1; // inside the open frame, before the signature
        assertEquals(FrameRefusal.BAD_SIGNATURE, refusal(b, aAt, flipped));
    }
}
