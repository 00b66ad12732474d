package org.interlay.router.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestCredential;
import org.junit.jupiter.api.Test;

class DigestResponsesTest {
    /** RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256. */
    @Test
    void theResponsesOfRfc7616ExampleComeOut() {
        String realm = "http-auth@example.org";
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        String md5Ha1 = DigestResponses.hash(DigestAlgorithm.MD5, "Mufasa:" + realm + ":Circle of Life");
        String shaHa1 = DigestResponses.hash(DigestAlgorithm.SHA_256, "Mufasa:" + realm + ":Circle of Life");
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestResponses.response(DigestAlgorithm.MD5, md5Ha1, nonce, "00000001", cnonce, "GET", "/dir/index.html"));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestResponses.response(DigestAlgorithm.SHA_256, shaHa1, nonce, "00000001", cnonce, "GET", "/dir/index.html"));
    }

    @Test
    void theHa1TheAgentStoresGivesTheSameResponseAsThePassword() {
        DigestCredential alice = new DigestCredential(Aor.parse("sip:alice@chord.lab"), "secret");
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            assertEquals(DigestResponses.hash(a, "alice:chord.lab:secret"), alice.secret().ha1(a));
        }
    }

    @Test
    void algorithmNamesAreReadWithoutCaseAndNoneIsMd5() {
        assertEquals(DigestAlgorithm.SHA_256, DigestResponses.algorithm("sha-256").orElseThrow());
        assertEquals(DigestAlgorithm.MD5, DigestResponses.algorithm(null).orElseThrow());
        assertTrue(DigestResponses.algorithm("SHA-512-256").isEmpty());
        assertTrue(DigestResponses.matches("abcdef", "ABCDEF"));
        assertFalse(DigestResponses.matches("abcdef", "abcdee"));
    }

    @Test
    void aNonceChecksOutUntilItsLifetimeThenIsStaleAndAnotherKeysNonceIsForged() {
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        Nonces nonces = new Nonces(key, "chord.lab", Duration.ofSeconds(30));
        String nonce = nonces.issue(1_000_000);
        assertEquals(Nonces.Verdict.FRESH, nonces.check(nonce, 1_000_000 + 30_000));
        assertEquals(Nonces.Verdict.STALE, nonces.check(nonce, 1_000_000 + 30_001));
        byte[] other = key.clone();
        other[0] ^= 1;
        assertEquals(Nonces.Verdict.FORGED, new Nonces(other, "chord.lab", Duration.ofSeconds(30)).check(nonce, 1_000_000));
        assertEquals(Nonces.Verdict.FORGED, new Nonces(key, "pastry.lab", Duration.ofSeconds(30)).check(nonce, 1_000_000));
        assertEquals(Nonces.Verdict.FORGED, nonces.check("not-a-nonce", 1_000_000));
        assertEquals(Nonces.Verdict.FORGED, nonces.check(nonces.issue(1_010_000), 1_000_000), "issued in the future");
    }

    @Test
    void aNonceCountMustGrowAndOldNoncesAreForgottenFirst() {
        byte[] key = new byte[32];
        new Random(8).nextBytes(key);
        Nonces nonces = new Nonces(key, "chord.lab", Duration.ofSeconds(10));
        NonceCounts counts = new NonceCounts(10_000, 2);
        String a = nonces.issue(0);
        assertTrue(counts.advance(a, 1, 0));
        assertFalse(counts.advance(a, 1, 0), "a replay");
        assertTrue(counts.advance(a, 2, 0));
        String b = nonces.issue(20_000);
        String c = nonces.issue(20_001);
        assertTrue(counts.advance(b, 1, 20_001));
        assertTrue(counts.advance(c, 1, 20_001), "the expired nonce made room");
        assertEquals(2, counts.size());
    }
}
