package org.interlay.trust;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A certificate's validity period, both ends included, in whole seconds (X.509 keeps no finer time).
 *
 * @param notBefore the first instant it is valid
 * @param notAfter  the last instant it is valid
 */
public record Validity(Instant notBefore, Instant notAfter) {
    /** How far before its issue a certificate is made valid, so that hosts whose clocks lag accept it at once. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a validity period must end after it begins: " + notBefore + " .. " + notAfter);
        }
    }

    /** A period for a certificate issued at {@code now}: from {@link #CLOCK_SKEW} before it, {@code length} long after it. */
    public static Validity issuedAt(Instant now, Duration length) {
        if (length.isNegative() || length.isZero()) throw new IllegalArgumentException("a validity period must be positive: " + length);
        return new Validity(now.minus(CLOCK_SKEW), now.plus(length));
    }

    public boolean contains(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }

    /** This period, ended no later than {@code end} (a certificate outlives not its authority's). */
    public Validity endingNoLaterThan(Instant end) {
        return notAfter.isAfter(end) ? new Validity(notBefore, end) : this;
    }
}
