package org.interlay.router.presence;

import java.time.Instant;

/**
 * The presence document a presentity published (RFC 3903): the body as published, its entity tag
 * and its expiry. One publication per presentity: a new initial PUBLISH replaces the current one.
 */
public record Publication(String etag, Instant expiresAt, byte[] pidf) {
    public Publication {
        if (etag == null || !etag.matches("[A-Za-z0-9]{1,64}")) throw new IllegalArgumentException("bad entity tag: " + etag);
        if (expiresAt == null || pidf == null) throw new IllegalArgumentException("a publication needs an expiry and a body");
    }

    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }

    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
