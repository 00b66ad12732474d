package org.interlay.trust;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Authorities for tests: seeded randomness and a fixed instant, so that a run is the same each time. */
final class TestAuthorities {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private TestAuthorities() {
    }

    /** A SecureRandom that gives the same bytes for the same seed (SHA1PRNG seeded before its first use). */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Authority authority(String name, long seed) {
        return Authority.create(name, Duration.ofDays(3650), InstantSource.fixed(NOW), seeded(seed));
    }
}
