package org.interlay.overlay.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * Drives {@link IterativeLookup}s over the network: sends each query the state machine asks for,
 * feeds back answers and failures, and completes with the outcome. Shared by every algorithm.
 *
 * <p>In a lookup that needs no resolution (Kademlia's), a query unanswered after {@code slowAfterMillis}
 * (the first retransmission timeout) is reported {@linkplain IterativeLookup#onSlow slow}, so the lookup
 * goes on without it while the request is still retried. Chord and Pastry lookups wait for the request
 * to fail: the node asked after a dead one is usually its successor or a leaf beside it, which needs
 * the time to notice the death before it can answer for the dead node's keys (measured under churn,
 * Chord lost a point of success when it asked sooner).
 */
final class LookupDriver {
    /** A lookup that found no responsible node: every path failed. */
    static final class LookupFailedException extends RuntimeException {
        LookupFailedException(Key key) {
            super("lookup of " + key.shortHex() + " failed: no path to a responsible node answered", null, false, false);
        }
    }

    private final NodeRef self;
    private final LookupStyle style;
    private final Scheduler scheduler;
    private final long slowAfterMillis;
    private final boolean setsAsideSlow;
    private final BiFunction<NodeRef, Key, CompletableFuture<RouteStep>> ask;

    LookupDriver(NodeRef self, LookupStyle style, Scheduler scheduler, long slowAfterMillis,
                 BiFunction<NodeRef, Key, CompletableFuture<RouteStep>> ask) {
        this.self = self;
        this.style = style;
        this.scheduler = scheduler;
        this.slowAfterMillis = slowAfterMillis;
        this.setsAsideSlow = !style.termination().needsResolution();
        this.ask = ask;
    }

    /** Starts from {@code local}, this node's own decision for {@code key}; ends as {@code termination} says. */
    CompletableFuture<Run> lookup(Key key, RouteStep local, Termination termination) {
        Run run = new Run(key, new IterativeLookup(key, self, style, local, termination), scheduler.nowMillis());
        run.advance();
        return run.done;
    }

    /** One lookup in progress, with the datagrams it cost. */
    final class Run {
        final Key key;
        final IterativeLookup machine;
        final long startedAt;
        final CompletableFuture<Run> done = new CompletableFuture<>();
        int messages;

        Run(Key key, IterativeLookup machine, long startedAt) {
            this.key = key;
            this.machine = machine;
            this.startedAt = startedAt;
        }

        private void advance() {
            List<NodeRef> next = machine.nextQueries();
            for (NodeRef n : next) {
                messages++;
                CompletableFuture<RouteStep> answer = ask.apply(n, key);
                if (setsAsideSlow && !answer.isDone()) {
                    Timer slow = scheduler.schedule(slowAfterMillis, () -> {
                        if (answer.isDone() || done.isDone()) return;
                        machine.onSlow(n);
                        advance();
                    });
                    answer.whenComplete((step, error) -> slow.cancel());
                }
                answer.whenComplete((step, error) -> {
                    if (error == null) {
                        messages++;
                        machine.onAnswer(n, step);
                    } else {
                        machine.onFailure(n);
                    }
                    advance();
                });
            }
            if (machine.isDone() && !done.isDone()) done.complete(this);
        }

        IterativeLookup.Outcome outcome() {
            return machine.outcome();
        }

        LookupResult toResult() {
            IterativeLookup.Outcome o = machine.outcome();
            NodeRef responsible = o.responsible().orElseThrow(() -> new LookupFailedException(key));
            // a query still in flight when the lookup ended will be answered all the same
            return new LookupResult(key, responsible, o.route(), o.hops(), o.rounds(), messages + machine.inFlight(),
                    scheduler.nowMillis() - startedAt);
        }
    }
}
