package org.interlay.router.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.interlay.trust.DigestAlgorithm;

/**
 * How an agent authenticates its domain's users.
 *
 * @param users         the users and their digest secrets
 * @param nonceLifetime how long a nonce is good for (then answered {@code stale=true})
 * @param offered       the algorithms a challenge offers, in order of preference (RFC 8760 §2.4: SHA-256, then
 *                      MD5). A UA must skip a challenge whose algorithm it does not know, but some refuse the
 *                      whole response instead (baresip 1.0 on libre 1.1 fails with "Function not implemented" as
 *                      soon as it sees SHA-256): for those, offer MD5 alone.
 */
public record DigestAuthentication(DigestUsers users, Duration nonceLifetime, List<DigestAlgorithm> offered) {
    /** Five minutes: a phone registering every hour gets one new challenge per registration. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);
    /** SHA-256 first, MD5 after. */
    public static final List<DigestAlgorithm> SHA_256_THEN_MD5 = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    public DigestAuthentication {
        Objects.requireNonNull(users, "users");
        if (nonceLifetime == null || nonceLifetime.toMillis() < 1_000) {
            throw new IllegalArgumentException("a nonce lives at least a second: " + nonceLifetime);
        }
        offered = List.copyOf(offered);
        if (offered.isEmpty() || offered.size() != offered.stream().distinct().count()) {
            throw new IllegalArgumentException("offer each digest algorithm at most once, and at least one: " + offered);
        }
    }

    public DigestAuthentication(DigestUsers users, Duration nonceLifetime) {
        this(users, nonceLifetime, SHA_256_THEN_MD5);
    }

    public static DigestAuthentication of(DigestUsers users) {
        return new DigestAuthentication(users, DEFAULT_NONCE_LIFETIME);
    }

    /** The same, offering only {@code algorithms}, in that order. */
    public DigestAuthentication offering(List<DigestAlgorithm> algorithms) {
        return new DigestAuthentication(users, nonceLifetime, algorithms);
    }
}
