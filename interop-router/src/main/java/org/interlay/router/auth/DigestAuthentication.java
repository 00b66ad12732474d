package org.interlay.router.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How an agent authenticates its domain's users.
 *
 * @param users         the users and their digest secrets
 * @param nonceLifetime how long a nonce is good for (then answered {@code stale=true})
 */
public record DigestAuthentication(DigestUsers users, Duration nonceLifetime) {
    /** Five minutes: a phone registering every hour gets one new challenge per registration. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

    public DigestAuthentication {
        Objects.requireNonNull(users, "users");
        if (nonceLifetime == null || nonceLifetime.toMillis() < 1_000) {
            throw new IllegalArgumentException("a nonce lives at least a second: " + nonceLifetime);
        }
    }

    public static DigestAuthentication of(DigestUsers users) {
        return new DigestAuthentication(users, DEFAULT_NONCE_LIFETIME);
    }
}
