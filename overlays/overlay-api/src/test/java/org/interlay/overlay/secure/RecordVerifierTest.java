package org.interlay.overlay.secure;

import static org.interlay.overlay.secure.TestEnrolment.HOUR;
import static org.interlay.overlay.secure.TestEnrolment.NODE_CLOCK;
import static org.interlay.overlay.secure.TestEnrolment.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.overlay.RecordSignature;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.Test;

class RecordVerifierTest {
    private final TestEnrolment lab = new TestEnrolment(3);
    private final RecordVerifier verifier = lab.verifier();
    private final RecordSigner agent = lab.signer(CertifiedIdentity.agent("chord.lab"));

    private static Optional<String> check(RecordVerifier v, Record r) {
        return v.refusal(r, NODE_CLOCK.nowMillis());
    }

    @Test
    void aRecordSignedByTheDomainAgentIsKept() {
        Record r = agent.sign(binding("sip:alice@chord.lab", "sip:alice@127.0.0.1:5070"), NODE_CLOCK);
        assertEquals(Optional.empty(), check(verifier, r));
        assertEquals(HOUR, r.signature().lifetimeMillis());
        assertEquals(TestEnrolment.NOW.toEpochMilli(), r.signature().signedAtMillis());
    }

    @Test
    void aFlippedBitInAnyByteIsRefusedUndecodableOrOnlyShortensTheRecordsLife() {
        Record r = agent.sign(binding("sip:alice@chord.lab", "sip:alice@127.0.0.1:5070"), NODE_CLOCK);
        WireWriter out = new WireWriter();
        r.writeTo(out, NODE_CLOCK.nowMillis());
        byte[] wire = out.toByteArray();
        int refused = 0;
        for (int i = 0; i < wire.length; i++) {
            {
                int bit = i % 8; // one bit of each byte, a different one from byte to byte
                byte[] flipped = wire.clone();
                flipped[i] ^= (byte) (1 << bit);
                Record got;
                try {
                    got = Record.readFrom(new WireReader(flipped), NODE_CLOCK.nowMillis());
                } catch (WireFormatException | IllegalArgumentException e) {
                    continue; // not a record at all: the frame is dropped before any check
                }
                Optional<String> why = check(verifier, got);
                if (why.isPresent()) {
                    refused++;
                } else {
                    // Only the time left is not signed (each holder keeps its own expiry): it may only shrink.
                    assertTrue(got.expiresAtMillis() < r.expiresAtMillis(), "flip of bit " + bit + " of byte " + i + " accepted: " + got);
                    assertEquals(r.withSignature(r.signature()).expiringAt(got.expiresAtMillis()), got);
                }
            }
        }
        assertTrue(refused > wire.length * 3 / 4, "most flips are refused: " + refused + " of " + wire.length);
    }

    @Test
    void aLifeLongerThanSignedIsRefused() {
        Record r = agent.sign(binding("sip:alice@chord.lab", "sip:alice@127.0.0.1:5070"), NODE_CLOCK);
        Record stretched = r.expiringAt(r.expiresAtMillis() + 1);
        assertTrue(check(verifier, stretched).orElseThrow().contains("longer than"));
    }

    @Test
    void aRecordWhoseSignedLifetimeIsOverIsRefused() {
        Record r = agent.sign(binding("sip:alice@chord.lab", "sip:alice@127.0.0.1:5070"), NODE_CLOCK);
        RecordVerifier later = new RecordVerifier(lab.authority.trustStore(), TestEnrolment.POLICIES,
                InstantSource.fixed(TestEnrolment.NOW.plus(Duration.ofHours(2))));
        assertTrue(check(later, r).orElseThrow().contains("expired"));
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefused() {
        TestEnrolment other = new TestEnrolment(4);
        Record r = other.signer(CertifiedIdentity.agent("chord.lab")).sign(binding("sip:alice@chord.lab", "x"), NODE_CLOCK);
        assertTrue(check(verifier, r).orElseThrow().contains("certificate refused"), check(verifier, r).toString());
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Authority shortLived = lab.authority;
        RecordSigner user = new RecordSigner(shortLived.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")),
                Duration.ofDays(1)), TestEnrolment.WALL);
        Record r = user.sign(binding("sip:alice@chord.lab", "x"), NODE_CLOCK);
        assertTrue(check(verifier, r).orElseThrow().contains("expired"), check(verifier, r).toString());
    }

    @Test
    void unsignedAndUnknownKindsAreRefused() {
        assertTrue(check(verifier, binding("sip:alice@chord.lab", "x")).orElseThrow().contains("unsigned"));
        Record other = agent.sign(Record.of("presence", "sip:alice@chord.lab", new byte[1], "o", 0, HOUR), NODE_CLOCK);
        assertTrue(check(verifier, other).orElseThrow().contains("no policy"));
    }

    @Test
    void versionsOnlyMoveForward() {
        Record first = agent.sign(binding("sip:alice@chord.lab", "a"), NODE_CLOCK);
        Record second = agent.sign(binding("sip:alice@chord.lab", "b"), NODE_CLOCK);
        assertTrue(second.version() > first.version(), "the same wall-clock instant still gives a newer version");
        assertEquals(TestEnrolment.NOW.toEpochMilli() * 1000, first.version());
        Record tomb = agent.tombstone(second, HOUR, NODE_CLOCK);
        assertTrue(tomb.version() > second.version() && tomb.deleted());
        assertEquals(Optional.empty(), check(verifier, tomb));
    }

    @Test
    void theLargestSignedRecordFitsInADatagram() throws WireFormatException {
        Record big = Record.of("sip-binding", "sip:" + "a".repeat(200) + "@chord.lab", new byte[Record.MAX_VALUE],
                "o".repeat(Record.MAX_OWNER), 0, HOUR);
        Record signed = agent.sign(big, NODE_CLOCK);
        WireWriter out = new WireWriter();
        signed.writeTo(out, 0);
        assertTrue(out.length() + 2 * RecordSignature.MAX_CERTIFICATE < FrameCodec.MAX_DATAGRAM,
                "a record of " + out.length() + " bytes leaves room for a frame's own signature and certificate");
        Record back = Record.readFrom(new WireReader(out.toByteArray()), 0);
        assertEquals(signed, back);
        assertEquals(Optional.empty(), check(verifier, back));
    }

    @Test
    void aCertificateRememberedAsVerifiedIsRefusedOnceItExpires() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(TestEnrolment.NOW);
        InstantSource moving = now::get;
        RecordVerifier v = new RecordVerifier(lab.authority.trustStore(), TestEnrolment.POLICIES, moving);
        RecordSigner user = new RecordSigner(lab.authority.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")),
                Duration.ofDays(120)), moving);
        assertEquals(Optional.empty(), check(v, user.sign(binding("sip:alice@chord.lab", "a"), NODE_CLOCK)));
        assertEquals(Optional.empty(), check(v, user.sign(binding("sip:alice@chord.lab", "b"), NODE_CLOCK)), "remembered");
        now.set(TestEnrolment.NOW.plus(Duration.ofDays(120)));
        Record late = user.sign(binding("sip:alice@chord.lab", "c"), NODE_CLOCK);
        assertTrue(check(v, late).orElseThrow().contains("expired"), check(v, late).toString());
    }
}
