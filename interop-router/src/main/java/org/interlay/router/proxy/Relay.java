package org.interlay.router.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;

/** Sends copies of a request to its targets: keeping transaction state, or not. */
public interface Relay {
    /** True when the request must be in a server transaction before {@link #forward} is called. */
    boolean stateful();

    /**
     * Forwards copies of {@code received} to {@code targets}.
     *
     * @param attempt  0 for the first routing of the request, then 1, 2, ... for retries through other hops
     * @param patience how long to wait for each branch's final response before counting it as failed
     */
    CompletableFuture<RelayOutcome> forward(Request received, List<Target> targets, int attempt, Duration patience);
}
