package org.interlay.router.proxy;

import java.time.Duration;

/**
 * How a proxy retries a request through another next hop when the one it used does not answer
 * (as a peer does towards its routers): how long it waits for a hop before counting it as failed,
 * for how long after the request arrived it keeps trying, and how long it waits before asking again
 * when no other hop is known yet. The window should end before the sender's own transaction times
 * out (32 s; SIPp gives up after about 11 s by default).
 */
public record FailoverPolicy(Duration hopPatience, Duration window, Duration retryDelay) {
    /** RFC 3261 Timer F for UDP: how long any branch is waited for when there is no failover. */
    public static final Duration TIMER_F = Duration.ofSeconds(32);

    public FailoverPolicy {
        if (hopPatience == null || window == null || retryDelay == null) throw new IllegalArgumentException("all durations are required");
        if (hopPatience.toMillis() < 100 || hopPatience.compareTo(TIMER_F) > 0) {
            throw new IllegalArgumentException("hop patience must be 100 ms to 32 s: " + hopPatience);
        }
        if (window.compareTo(hopPatience) < 0) throw new IllegalArgumentException("the window must be at least one hop's patience");
        if (retryDelay.toMillis() < 10) throw new IllegalArgumentException("retry delay must be at least 10 ms: " + retryDelay);
    }

    public static final FailoverPolicy DEFAULT = new FailoverPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMillis(250));
}
