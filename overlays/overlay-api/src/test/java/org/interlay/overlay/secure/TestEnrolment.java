package org.interlay.overlay.secure;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.Role;
import org.interlay.time.Clock;

/** A seeded authority at a fixed instant, and the records and policies the tests sign and check. */
final class TestEnrolment {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final InstantSource WALL = InstantSource.fixed(NOW);
    /** A node's clock, on which records' expiry is counted. */
    static final Clock NODE_CLOCK = () -> 50_000;
    static final long HOUR = 3_600_000;
    static final RecordPolicies POLICIES = RecordPolicies.NONE
            .with("sip-binding", AccessPolicy.userMatch(TestEnrolment::aor))
            .with("sip-bridge", AccessPolicy.role(Role.ROUTER))
            .with("node-info", AccessPolicy.nodeMatch("node:"));

    final Authority authority;

    TestEnrolment(long seed) {
        authority = Authority.create("lab", Duration.ofDays(3650), InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")),
                seeded(seed));
    }

    Credentials issue(CertifiedIdentity identity) {
        return authority.issue(identity, Duration.ofDays(365));
    }

    RecordSigner signer(CertifiedIdentity identity) {
        return new RecordSigner(issue(identity), WALL);
    }

    RecordVerifier verifier() {
        return new RecordVerifier(authority.trustStore(), POLICIES, WALL);
    }

    static Record binding(String aor, String contact) {
        return Record.of("sip-binding", aor, contact.getBytes(StandardCharsets.UTF_8), "owner", NODE_CLOCK.nowMillis(), HOUR);
    }

    static Optional<Aor> aor(String name) {
        try {
            return Optional.of(Aor.parse(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
