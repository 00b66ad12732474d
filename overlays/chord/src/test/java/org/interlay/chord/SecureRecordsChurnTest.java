package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The checks do not get in the way of the overlay's own work: signed records are copied to replicas,
 * handed over by nodes that leave and taken over when nodes crash, and each copy is accepted.
 */
@Tag("slow")
@Timeout(300)
class SecureRecordsChurnTest {
    @Test
    void signedRecordsSurviveLeavesAndCrashesWithNothingRefused() {
        SecureRing ring = new SecureRing(20, 43);
        RecordSigner agent = ring.signer(ring.issue(CertifiedIdentity.agent("chord.lab")));
        List<Record> records = new ArrayList<>();
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Record r = agent.sign(Record.of("sip-binding", "sip:user" + i + "@chord.lab",
                    ("sip:user" + i + "@127.0.0.1").getBytes(StandardCharsets.UTF_8), "user" + i,
                    ring.cluster.scheduler().nowMillis(), 24 * 3_600_000L), ring.cluster.scheduler());
            records.add(r);
            puts.add(ring.cluster.randomLive().put(r));
            ring.cluster.scheduler().runFor(2);
        }
        ring.cluster.await(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)), SecureRing.LIMIT);

        for (int i = 0; i < 5; i++) {
            ring.cluster.leave(ring.cluster.randomLive(), SecureRing.LIMIT);
            ring.cluster.scheduler().runFor(500);
        }
        ring.cluster.crashFraction(0.1);
        assertTrue(ring.cluster.stabilize(1_000, SecureRing.LIMIT), "the ring closes");
        ring.cluster.scheduler().runFor(60_000);

        for (Record r : records) {
            Optional<Record> got = ring.cluster.await(ring.cluster.randomLive().get(r.key()), SecureRing.LIMIT);
            assertTrue(got.isPresent(), () -> r.name() + " was lost");
            assertEquals(r.signature(), got.get().signature());
        }
        assertEquals(0, ring.refusals(), "no copy of a signed record was refused");
    }
}
