package org.interlay.router.proxy;

import java.util.List;

/**
 * What a {@link TargetFinder} decided: forward to targets, refuse with a status, or wait for a hop
 * that is not there yet.
 */
public sealed interface Routing {
    /** Send a copy of the request to each target (several targets fork it). */
    record Forward(List<Target> targets) implements Routing {
        public Forward {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) throw new IllegalArgumentException("forward to at least one target");
        }
    }

    /**
     * No next hop is usable now, but one may be named while the request waits: the router named for
     * the domain is gone and another that could bridge it is live (a standby taking the bridge over).
     * A proxy that fails over asks again until its window ends, then answers 503; one that does not,
     * answers 503 at once.
     */
    record NoHopYet(String reason) implements Routing {
    }

    /**
     * Answer the request with {@code status}.
     *
     * @param retryAfterSeconds Retry-After to send, 0 for none
     * @param definite          no other hop can turn up while the request waits (no router is left to
     *                          bridge the domain), so a proxy failing over answers at once
     */
    record Refuse(int status, String reason, int retryAfterSeconds, boolean definite) implements Routing {
        public Refuse {
            if (status < 300 || status > 699) throw new IllegalArgumentException("a refusal is a 3xx-6xx status: " + status);
        }

        public Refuse(int status, String reason, int retryAfterSeconds) {
            this(status, reason, retryAfterSeconds, false);
        }

        public Refuse(int status, String reason) {
            this(status, reason, 0);
        }
    }
}
