package org.interlay.router.proxy;

import java.time.Duration;

/**
 * How a proxy retries a request through another next hop when the one it used does not answer
 * (as a peer does towards its routers): how long it waits for a hop before counting it as failed,
 * for how long after the request arrived it keeps trying (the window: when it ends, the request is
 * answered at once, with the best response so far or 503), how long it waits before asking again when
 * no other hop is known yet, and the Retry-After of the 503 it answers when no router is there.
 *
 * @param hopPatience how long a hop is waited for before it is suspected and another is looked for
 * @param window      from the request's arrival to its final answer when no hop answers; an attempt
 *                    through a hop not yet suspected at the end is given the rest of its patience
 * @param takeover    the longer window of a request for which the finder knows a standby is taking
 *                    over ({@link Routing.NoHopYet}: the router named is gone, another live one may
 *                    bridge), so requests in flight when a router dies still go through the standby
 * @param retryDelay  between two readings of the finder while no other hop is known
 * @param retryAfter  the Retry-After of a 503 saying no router answers or bridges the domain
 */
public record FailoverPolicy(Duration hopPatience, Duration window, Duration takeover, Duration retryDelay,
                             Duration retryAfter) {
    /** RFC 3261 Timer F for UDP: how long any branch is waited for when there is no failover. */
    public static final Duration TIMER_F = Duration.ofSeconds(32);

    public FailoverPolicy {
        if (hopPatience == null || window == null || takeover == null || retryDelay == null || retryAfter == null) {
            throw new IllegalArgumentException("all durations are required");
        }
        if (hopPatience.toMillis() < 100 || hopPatience.compareTo(TIMER_F) > 0) {
            throw new IllegalArgumentException("hop patience must be 100 ms to 32 s: " + hopPatience);
        }
        if (window.compareTo(hopPatience) < 0) throw new IllegalArgumentException("the window must be at least one hop's patience");
        if (takeover.compareTo(window) < 0) throw new IllegalArgumentException("the takeover window must be at least the window");
        if (takeover.plus(hopPatience).compareTo(TIMER_F) >= 0) {
            throw new IllegalArgumentException("the windows and a hop's patience must end before the sender's Timer F (32 s): " + takeover);
        }
        if (retryDelay.toMillis() < 10) throw new IllegalArgumentException("retry delay must be at least 10 ms: " + retryDelay);
        if (retryAfter.toSeconds() < 1) throw new IllegalArgumentException("Retry-After must be at least 1 s: " + retryAfter);
    }

    /**
     * A silent router is suspected after 1 s and the request answered 4 s after it arrived, 5 s at
     * most (an attempt through a standby sent just before the end gets its second): a crashed router's
     * pairs move to the standby in about 3.4 s (interop-router/BENCHMARKS.md), so requests in flight
     * still go through it, and the sender hears well before its own 32 s. A router the group says is
     * gone is not waited for at all (the finder refuses at once, or names the standby), so the answer
     * comes within a finder reading (250 ms) of the group's word. While the group knows a standby
     * that has not yet written its bridge (3.4 to 4.3 s after a crash on a quiet machine, more under
     * load), a request waits up to 10 s for it rather than being refused. Retry-After 5 s: about what
     * a restarted router takes to join the group and the overlays and write its bridges.
     */
    public static final FailoverPolicy DEFAULT = new FailoverPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(5));

    /** The Retry-After in whole seconds. */
    public int retryAfterSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, retryAfter.toSeconds());
    }
}
