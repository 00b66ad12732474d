package org.interlay.overlay.secure;

import static org.interlay.overlay.secure.TestEnrolment.NODE_CLOCK;
import static org.interlay.overlay.secure.TestEnrolment.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What signed records cost a writer and a holder, printed (no timed assertion): a signature per write,
 * and per record received a signature check (the writer's certificate, once verified, is remembered).
 */
@Tag("slow")
@Timeout(120)
class RecordSigningCostTest {
    private static final int RECORDS = 2_000;

    @Test
    void printsTheCostOfSigningAndCheckingRecords() {
        TestEnrolment lab = new TestEnrolment(5);
        RecordSigner agent = lab.signer(CertifiedIdentity.agent("chord.lab"));
        List<Record> unsigned = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) unsigned.add(binding("sip:user" + i + "@chord.lab", "sip:user" + i + "@127.0.0.1:5070"));

        long t0 = System.nanoTime();
        List<Record> signed = new ArrayList<>();
        for (Record r : unsigned) signed.add(agent.sign(r, NODE_CLOCK));
        long t1 = System.nanoTime();
        RecordVerifier holder = lab.verifier();
        for (Record r : signed) assertEquals(Optional.empty(), holder.refusal(r, NODE_CLOCK.nowMillis()));
        long t2 = System.nanoTime();
        // Side by side, alternating, so that the machine's load weighs on both alike.
        int rounds = 300;
        long remembered = 0, fresh = 0;
        for (int i = 0; i < rounds; i++) {
            long a = System.nanoTime();
            assertEquals(Optional.empty(), holder.refusal(signed.get(i), NODE_CLOCK.nowMillis()));
            long b = System.nanoTime();
            assertEquals(Optional.empty(), lab.verifier().refusal(signed.get(i), NODE_CLOCK.nowMillis()));
            long c = System.nanoTime();
            remembered += b - a;
            fresh += c - b;
        }
        System.out.printf("signed records, %d bindings: sign %.1f us each, check %.1f us each (certificate remembered); "
                        + "side by side: %.1f us remembered, %.1f us with the certificate verified too%n",
                RECORDS, (t1 - t0) / 1e3 / RECORDS, (t2 - t1) / 1e3 / RECORDS, remembered / 1e3 / rounds, fresh / 1e3 / rounds);
    }
}
