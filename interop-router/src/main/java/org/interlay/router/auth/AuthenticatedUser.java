package org.interlay.router.auth;

import java.util.Objects;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.trust.DigestAlgorithm;

/**
 * Who sent a request, as the agent of the user's domain established it by digest authentication
 * (RFC 3261 §22): the address of record whose credentials answered the agent's challenge, and the
 * algorithm they were checked with. What the agent then stores for that user (a binding, a
 * publication) it writes "acting for an authenticated user"; what it passes to other domains may
 * assert this identity.
 *
 * @param aor       the authenticated address of record
 * @param algorithm the digest algorithm of the response that proved it
 */
public record AuthenticatedUser(AddressOfRecord aor, DigestAlgorithm algorithm) {
    public AuthenticatedUser {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
