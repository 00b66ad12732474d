package org.interlay.router.proxy;

import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTimeoutException;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * A transaction-stateful relay (RFC 3261 section 16.6-16.7): one client transaction per target, all
 * at once (parallel forking). The first 2xx is the outcome at once; otherwise, when every branch has
 * ended, the best final response is, with a branch that could not be sent counting as 503.
 */
public final class StatefulRelay implements Relay {
    private static final int COPIES_PER_ATTEMPT = 32;

    private final RequestSender sender;
    private final ForwardedRequests copies;
    private final Scheduler timers;

    /** @param timers where a branch that outlasts its patience is timed out */
    public StatefulRelay(RequestSender sender, ForwardedRequests copies, Scheduler timers) {
        this.sender = sender;
        this.copies = copies;
        this.timers = timers;
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public CompletableFuture<RelayOutcome> forward(Request received, List<Target> targets, int attempt, Duration patience) {
        CompletableFuture<RelayOutcome> outcome = new CompletableFuture<>();
        BestResponse best = new BestResponse();
        Set<URI> failed = new HashSet<>();
        int[] pending = {targets.size()};
        for (int i = 0; i < targets.size() && i < COPIES_PER_ATTEMPT; i++) {
            Target target = targets.get(i);
            Request copy = copies.copyFor(received, target, attempt * COPIES_PER_ATTEMPT + i);
            withTimeout(sender.send(copy), patience).whenComplete((response, error) -> {
                synchronized (best) {
                    if (error == null && response.getStatusCode() / 100 == 2) {
                        outcome.complete(new RelayOutcome(response, failed, false));
                    } else if (error == null) {
                        if (response.getStatusCode() == Response.SERVICE_UNAVAILABLE) failed.add(target.hop());
                        best.offer(response);
                    } else {
                        failed.add(target.hop());
                        if (!isTimeout(error)) best.offer(unreachable(copy));
                    }
                    if (--pending[0] == 0) outcome.complete(new RelayOutcome(best.chosen(), failed, false));
                }
            });
        }
        return outcome;
    }

    /** {@code branch}, failed with a {@link TimeoutException} if it has not ended within {@code patience}. */
    private <T> CompletableFuture<T> withTimeout(CompletableFuture<T> branch, Duration patience) {
        if (branch.isDone()) return branch;
        Timer timeout = timers.schedule(patience.toMillis(),
                () -> branch.completeExceptionally(new TimeoutException("no final response within " + patience)));
        branch.whenComplete((r, e) -> timeout.cancel());
        return branch;
    }

    private static boolean isTimeout(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof SipTimeoutException || cause instanceof TimeoutException;
    }

    /** The 503 that stands for a branch that could not be sent (RFC 3261 section 16.7 step 5 / 8.1.3.1). */
    private static Response unreachable(Request copy) {
        try {
            return SipFactories.get().messages().createResponse(Response.SERVICE_UNAVAILABLE, copy);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot make a 503 for " + copy.getMethod(), e);
        }
    }
}
