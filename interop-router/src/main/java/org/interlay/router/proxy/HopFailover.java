package org.interlay.router.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.time.Scheduler;

/**
 * Routing of one request through next hops that may be down (a peer reaching another domain through
 * its routers). The request goes to the hop the finder names; if no final response has come after
 * the hop patience, the hop is suspected and the finder is asked again, so the request also goes
 * through another hop as soon as one is known (a standby that took the bridge over), while the first
 * attempt may still answer. The first usable final response wins; an attempt whose every hop failed
 * (timed out, unreachable, 503) leads to another attempt, until the failover window ends. A definite
 * refusal from the finder (no router is left to bridge the domain) is the answer at once.
 */
final class HopFailover {
    private final Request request;
    private final TargetFinder finder;
    private final Relay relay;
    private final FailoverPolicy policy;
    private final Scheduler timers;
    private final Consumer<Response> answer;
    private final Runnable giveUp;
    private final Consumer<Routing.Refuse> refusal;
    private final long deadline;
    private final Set<URI> suspected = new HashSet<>();
    private int attempts;
    private int pending;
    private boolean scheduled;
    private boolean done;
    private Response best;

    /**
     * @param answer what to do with the winning response (sent upstream)
     * @param giveUp what to do when the window ended without any usable response
     * @param refusal what to do with a definite refusal from the finder
     */
    HopFailover(Request request, TargetFinder finder, Relay relay, FailoverPolicy policy, Scheduler timers,
                Consumer<Response> answer, Runnable giveUp, Consumer<Routing.Refuse> refusal) {
        this.request = request;
        this.finder = finder;
        this.relay = relay;
        this.policy = policy;
        this.timers = timers;
        this.answer = answer;
        this.giveUp = giveUp;
        this.refusal = refusal;
        this.deadline = timers.nowMillis() + policy.window().toMillis();
    }

    /** Starts with the targets the finder named first. */
    void start(List<Target> first) {
        forward(first);
    }

    private void route() {
        Set<URI> avoid;
        synchronized (this) {
            if (done) return;
            scheduled = false;
            avoid = Set.copyOf(suspected);
        }
        finder.find(request, avoid).whenComplete((routing, error) -> {
            if (routing instanceof Routing.Refuse refuse && refuse.definite()) {
                refuseAtOnce(refuse);
                return;
            }
            if (error != null || routing instanceof Routing.Refuse) {
                retryOrEnd();
                return;
            }
            List<Target> targets = ((Routing.Forward) routing).targets();
            if (targets.stream().allMatch(t -> avoid.contains(t.hop()))) {
                retryOrEnd();
            } else {
                forward(targets);
            }
        });
    }

    private void forward(List<Target> targets) {
        int attempt;
        synchronized (this) {
            if (done) return;
            attempt = attempts++;
            pending++;
        }
        relay.forward(request, targets, attempt, FailoverPolicy.TIMER_F).whenComplete((outcome, error) -> {
            synchronized (this) {
                pending--;
                if (done) return;
                if (error == null && outcome.response() != null && !outcome.everyHopFailed(targets.size())) {
                    done = true;
                } else {
                    if (error == null && outcome.response() != null) best = outcome.response();
                    targets.forEach(t -> suspected.add(t.hop()));
                }
            }
            if (error == null && outcome.response() != null && !outcome.everyHopFailed(targets.size())) {
                answer.accept(outcome.response());
            } else {
                retryOrEnd();
            }
        });
        timers.schedule(policy.hopPatience().toMillis(), () -> {
            synchronized (this) {
                if (done) return;
                targets.forEach(t -> suspected.add(t.hop()));
            }
            retryOrEnd();
        });
    }

    private void refuseAtOnce(Routing.Refuse refuse) {
        synchronized (this) {
            if (done) return;
            done = true;
        }
        refusal.accept(refuse);
    }

    /** Routes again after the retry delay, or ends when the window is over and nothing is pending. */
    private void retryOrEnd() {
        Response last;
        synchronized (this) {
            if (done || scheduled) return;
            if (timers.nowMillis() + policy.retryDelay().toMillis() < deadline) {
                scheduled = true;
                timers.schedule(policy.retryDelay().toMillis(), this::route);
                return;
            }
            if (pending > 0) return;
            done = true;
            last = best;
        }
        if (last != null) answer.accept(last); else giveUp.run();
    }
}
