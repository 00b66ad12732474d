package org.interlay.router.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing of one request through next hops that may be down (a peer reaching another domain through
 * its routers). The request goes to the hop the finder names; if no final response has come after
 * the hop patience, the hop is suspected and the finder is asked again, so the request also goes
 * through another hop as soon as one is known (a standby that took the bridge over), while the first
 * attempt may still answer. The first usable final response wins. When the failover window ends, the
 * request is answered at once: with the best response so far, else 503 with Retry-After; only an
 * attempt through a hop not yet suspected is waited for, to the end of its patience; and once the
 * finder has said that a standby is taking over, or could not read its overlay (a peer died with a
 * router, and the overlay is re-forming), or is still reading it when the window ends (a lookup that
 * takes seconds is the same re-forming), the window is the longer takeover window. Attempts still
 * open towards suspected hops are left to end on their own, unheard. A definite refusal from the
 * finder (no router is left to bridge the domain) is the answer at once.
 */
final class HopFailover {
    private static final Logger log = LoggerFactory.getLogger(HopFailover.class);
    /** The reason of the 503 when the finder could not read its overlay until the window ended. */
    static final String OVERLAY_UNREACHABLE = "Overlay unreachable";

    private final Request request;
    private final TargetFinder finder;
    private final Relay relay;
    private final FailoverPolicy policy;
    private final Scheduler timers;
    private final Consumer<Response> answer;
    private final Consumer<Routing.Refuse> refusal;
    private final Set<URI> suspected = new HashSet<>();
    private int attempts;
    /** Attempts sent less than a hop's patience ago that have not ended. */
    private int fresh;
    private boolean scheduled;
    private boolean windowOver;
    /** The finder said that a standby is taking over (the request may wait for the takeover window). */
    private boolean takeoverUnderWay;
    private boolean windowExtended;
    /** A reading of the finder is under way (an overlay lookup that has not ended). */
    private boolean reading;
    private boolean done;
    private Response best;
    private String reason = "No router answers";

    /**
     * @param answer  what to do with the winning response (sent upstream)
     * @param refusal what to do with a refusal: the finder's definite one, or the 503 when the window
     *                ended without any usable response
     */
    HopFailover(Request request, TargetFinder finder, Relay relay, FailoverPolicy policy, Scheduler timers,
                Consumer<Response> answer, Consumer<Routing.Refuse> refusal) {
        this.request = request;
        this.finder = finder;
        this.relay = relay;
        this.policy = policy;
        this.timers = timers;
        this.answer = answer;
        this.refusal = refusal;
    }

    /** Starts with the targets the finder named first. */
    void start(List<Target> first) {
        startWindow();
        forward(first);
    }

    /** Starts with no hop to use yet: the finder is asked again after the retry delay. */
    void startWaiting(String why) {
        synchronized (this) {
            reason = why;
            takeoverUnderWay = true;
        }
        startWindow();
        retryOrEnd();
    }

    private void startWindow() {
        timers.schedule(policy.window().toMillis(), () -> {
            synchronized (this) {
                // a reading still under way when the window ends is a lookup that takes seconds: the
                // overlay is re-forming around a peer that died with the router, as in a takeover
                if ((takeoverUnderWay || reading) && !windowExtended) {
                    windowExtended = true;
                    timers.schedule(policy.takeover().minus(policy.window()).toMillis(), this::windowEnds);
                    return;
                }
            }
            windowEnds();
        });
    }

    private void windowEnds() {
        synchronized (this) {
            windowOver = true;
        }
        retryOrEnd();
    }

    private void route() {
        Set<URI> avoid;
        synchronized (this) {
            if (done) return;
            scheduled = false;
            avoid = Set.copyOf(suspected);
        }
        if (isWindowOver()) { // no new attempt once the window is over
            retryOrEnd();
            return;
        }
        synchronized (this) {
            reading = true;
        }
        finder.find(request, avoid).whenComplete((routing, error) -> {
            if (log.isDebugEnabled()) {
                log.debug("{} {}: avoiding {}, the finder says {}", request.getMethod(), request.getRequestURI(), avoid,
                        error != null ? error.toString() : routing);
            }
            if (routing instanceof Routing.Refuse refuse && refuse.definite()) {
                end(refuse);
                return;
            }
            synchronized (this) {
                reading = false;
                // an overlay that cannot be read is re-forming: waited for as long as a takeover; once
                // a takeover was seen, the request keeps the longer window even if a later reading names
                // a hop (the standby, which may still be slow to answer while its overlays re-form)
                takeoverUnderWay |= routing instanceof Routing.NoHopYet || error != null;
                if (routing instanceof Routing.NoHopYet wait) reason = wait.reason();
                if (error != null) reason = OVERLAY_UNREACHABLE;
            }
            if (routing instanceof Routing.Forward forward
                    && !forward.targets().stream().allMatch(t -> avoid.contains(t.hop()))) {
                forward(forward.targets());
            } else {
                retryOrEnd();
            }
        });
    }

    private void forward(List<Target> targets) {
        int attempt;
        boolean[] noLongerFresh = {false};
        synchronized (this) {
            if (done) return;
            attempt = attempts++;
            fresh++;
        }
        // the patience runs from before the send, whatever the send itself takes
        timers.schedule(policy.hopPatience().toMillis(), () -> {
            synchronized (this) {
                if (!noLongerFresh[0]) {
                    noLongerFresh[0] = true;
                    fresh--;
                }
                if (done) return;
                targets.forEach(t -> suspected.add(t.hop()));
            }
            retryOrEnd();
        });
        relay.forward(request, targets, attempt, FailoverPolicy.TIMER_F).whenComplete((outcome, error) -> {
            boolean usable = error == null && outcome.response() != null && !outcome.everyHopFailed(targets.size());
            synchronized (this) {
                if (!noLongerFresh[0]) {
                    noLongerFresh[0] = true;
                    fresh--;
                }
                if (done) return;
                if (usable) {
                    done = true;
                } else {
                    if (error == null && outcome.response() != null) best = outcome.response();
                    targets.forEach(t -> suspected.add(t.hop()));
                }
            }
            if (usable) answer.accept(outcome.response()); else retryOrEnd();
        });
    }

    /**
     * Before the window's end: asks the finder again after the retry delay. After it: ends, unless an
     * attempt through a hop not yet suspected is still within its patience.
     */
    private void retryOrEnd() {
        Response last;
        String why;
        synchronized (this) {
            if (done) return;
            if (!windowOver) {
                if (!scheduled) {
                    scheduled = true;
                    timers.schedule(policy.retryDelay().toMillis(), this::route);
                }
                return;
            }
            if (fresh > 0) return;
            last = best;
            why = reason;
        }
        if (log.isDebugEnabled()) {
            log.debug("{} {}: the window is over after {} attempts, answering {}", request.getMethod(),
                    request.getRequestURI(), attempts, last != null ? last.getStatusCode() : "503 " + why);
        }
        if (last != null) {
            synchronized (this) {
                if (done) return;
                done = true;
            }
            answer.accept(last);
        } else {
            end(new Routing.Refuse(Response.SERVICE_UNAVAILABLE, why, policy.retryAfterSeconds(), true));
        }
    }

    private synchronized boolean isWindowOver() {
        return windowOver;
    }

    private void end(Routing.Refuse refuse) {
        synchronized (this) {
            if (done) return;
            done = true;
        }
        refusal.accept(refuse);
    }
}
