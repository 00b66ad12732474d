package org.interlay.router.proxy;

import java.util.List;

/** What a {@link TargetFinder} decided: forward to targets, or refuse with a status. */
public sealed interface Routing {
    /** Send a copy of the request to each target (several targets fork it). */
    record Forward(List<Target> targets) implements Routing {
        public Forward {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) throw new IllegalArgumentException("forward to at least one target");
        }
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
