package org.interlay.router.sip;

import java.time.Duration;

/**
 * How long registrations, publications or subscriptions may last: what is granted when none is asked
 * for, the least accepted (shorter asks get 423 Interval Too Brief) and the most granted. Every agent
 * and router applies the same policy, so expiry means the same in every overlay.
 */
public record ExpiryPolicy(Duration min, Duration max, Duration byDefault) {
    public ExpiryPolicy {
        if (min == null || max == null || byDefault == null) throw new IllegalArgumentException("all three durations are required");
        if (min.isNegative() || min.compareTo(max) > 0 || byDefault.compareTo(min) < 0 || byDefault.compareTo(max) > 0) {
            throw new IllegalArgumentException("need 0 <= min <= default <= max: " + min + ", " + byDefault + ", " + max);
        }
        if (min.toMillis() % 1000 != 0 || max.toMillis() % 1000 != 0 || byDefault.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("SIP expiries are whole seconds");
        }
    }

    /** RFC 3261 and RFC 3856 defaults: one hour, at least a minute, at most a day. */
    public static final ExpiryPolicy STANDARD = new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofDays(1),
            Duration.ofHours(1));

    /**
     * The seconds granted for a request asking {@code requested} seconds (-1 when it asked nothing):
     * 0 stays 0 (an end), too long is cut to the maximum.
     *
     * @throws IntervalTooBriefException when 0 &lt; requested &lt; min
     */
    public long grant(long requested) throws IntervalTooBriefException {
        if (requested < 0) return byDefault.toSeconds();
        if (requested == 0) return 0;
        if (requested < min.toSeconds()) throw new IntervalTooBriefException(min.toSeconds());
        return Math.min(requested, max.toSeconds());
    }

    /** A request asked for a shorter expiry than the policy accepts (RFC 3261 423). */
    public static final class IntervalTooBriefException extends Exception {
        private final long minSeconds;

        public IntervalTooBriefException(long minSeconds) {
            super("Interval Too Brief");
            this.minSeconds = minSeconds;
        }

        public long minSeconds() {
            return minSeconds;
        }
    }
}
