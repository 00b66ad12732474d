package org.interlay.router.proxy;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.BranchListener;
import org.interlay.router.sip.BranchSender;
import org.interlay.router.sip.ClientBranch;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.sip.SipTransportException;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * The response context of one INVITE a stateful proxy forwards (RFC 3261 section 16.7): one branch
 * (client transaction) per target, all at once. Provisional responses other than 100 go upstream as
 * they come; every 2xx goes upstream at once (the first in the server transaction, later ones from
 * other forks statelessly, for the caller to acknowledge and end) and the branches still pending are
 * cancelled; a 6xx cancels them too. When every branch has ended without a 2xx, the best final
 * response goes upstream (section 16.7 step 6; a 503 becomes 500). A CANCEL from upstream cancels
 * every pending branch, whose 487 is then the answer. A branch that rings longer than the ring
 * timeout (Timer C, section 16.8) is cancelled and counts as 480 No Answer; one that never answers
 * at all times out in its transaction (Timer B) and counts as 408.
 */
final class InviteForwarding {
    /** How long a cancelled branch is waited for before it counts as ended (RFC 3261 Timer B/F: 64 T1). */
    private static final Duration CANCELLED_BRANCH_PATIENCE = FailoverPolicy.TIMER_F;

    private final ServerExchange exchange;
    private final BranchSender sender;
    private final Consumer<Response> statelessUpstream;
    private final Scheduler timers;
    private final Duration ringTimeout;
    private final Runnable finished;
    private final List<Branch> branches = new ArrayList<>();
    private final BestResponse best = new BestResponse();
    private boolean started;
    private boolean cancelled;
    private boolean answered;
    private boolean ended;
    private int pending;

    /**
     * @param statelessUpstream sends a response upstream outside the server transaction (a second 2xx)
     * @param finished          told once, when the final answer is sent and no branch is left
     */
    InviteForwarding(ServerExchange exchange, BranchSender sender, Consumer<Response> statelessUpstream, Scheduler timers,
                     Duration ringTimeout, Runnable finished) {
        this.exchange = exchange;
        this.sender = sender;
        this.statelessUpstream = statelessUpstream;
        this.timers = timers;
        this.ringTimeout = ringTimeout;
        this.finished = finished;
    }

    /** Sends {@code copies}, one per target; if the caller cancelled meanwhile, answers 487 instead. */
    synchronized void start(List<Request> copies) {
        if (started || ended) return;
        started = true;
        if (cancelled) {
            answer(exchange.response(Response.REQUEST_TERMINATED));
            end();
            return;
        }
        pending = copies.size();
        for (Request copy : copies) {
            Branch branch = new Branch(copy);
            branches.add(branch);
            branch.start();
        }
    }

    /** Answers without forwarding (the finder refused, or the overlay could not be read). */
    synchronized void refuse(Response refusal) {
        if (started || ended) return;
        started = true;
        answer(refusal);
        end();
    }

    /** A CANCEL from upstream (RFC 3261 section 16.10): every pending branch is cancelled. */
    synchronized void cancel() {
        if (cancelled) return;
        cancelled = true;
        if (!started) return; // the targets are still being looked up: start() answers 487
        for (Branch b : branches) b.cancel(false);
    }

    /** True once the INVITE has its final answer. */
    synchronized boolean answered() {
        return answered;
    }

    private void onProvisional(Branch branch, Response response) {
        if (!answered && response.getStatusCode() > Response.TRYING) exchange.send(upstream(response));
    }

    private void onSuccess(Branch branch, Response response) {
        Response out = upstream(response);
        if (!answered) {
            answer(out);
        } else {
            statelessUpstream.accept(out);
        }
        for (Branch other : branches) {
            if (other != branch) other.cancel(false);
        }
    }

    private void onFailure(Branch branch, Response upstreamShaped) {
        best.offer(upstreamShaped);
        if (upstreamShaped.getStatusCode() >= 600) {
            for (Branch other : branches) other.cancel(false);
        }
    }

    private void branchEnded() {
        if (--pending > 0) return;
        if (!answered) {
            Response chosen = best.chosen();
            if (chosen == null) chosen = exchange.response(Response.REQUEST_TIMEOUT);
            if (chosen.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
                chosen = local(Response.SERVER_INTERNAL_ERROR, "Next hop unavailable");
            }
            answer(chosen);
        }
        end();
    }

    private void answer(Response response) {
        answered = true;
        exchange.send(response);
    }

    private void end() {
        if (ended) return;
        ended = true;
        finished.run();
    }

    /**
     * A downstream response as it goes upstream: without this proxy's Via, that is with the Via
     * headers of the request as received (the same, from a user agent that copies them all; right
     * also when one copies only the top one, as into a 487 built from the CANCEL).
     */
    private Response upstream(Response response) {
        Response out = (Response) response.clone();
        out.removeHeader(ViaHeader.NAME);
        try {
            for (ViaHeader via : SipHeaders.all(exchange.request(), ViaHeader.NAME, ViaHeader.class)) {
                out.addLast((ViaHeader) via.clone()); // addHeader would put a Via on top
            }
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot copy the Via headers of " + exchange.request().getMethod(), e);
        }
        return out;
    }

    /** A response made here, for the request as received. */
    private Response local(int status, String reason) {
        Response r = exchange.response(status);
        try {
            r.setReasonPhrase(reason);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad reason phrase: " + reason, e);
        }
        return r;
    }

    /** One client transaction of the forwarding; its events are handled under the forwarding's lock. */
    private final class Branch implements BranchListener {
        private final Request copy;
        private ClientBranch client;
        private boolean provisional;
        private boolean done;
        private boolean cancelWanted;
        private boolean cancelSent;
        private boolean ringExpired;
        private Timer ringTimer;
        private Timer cancelledTimer;

        Branch(Request copy) {
            this.copy = copy;
        }

        /** Called under the forwarding's lock, so that no response is handled before the branch is set up. */
        void start() {
            try {
                client = sender.start(copy, this);
            } catch (SipTransportException e) {
                done = true;
                onFailure(this, local(Response.SERVICE_UNAVAILABLE, "Next hop unreachable"));
                branchEnded();
                return;
            }
            armRingTimer();
        }

        @Override
        public void onResponse(Response response) {
            synchronized (InviteForwarding.this) {
                int status = response.getStatusCode();
                if (status < 200) {
                    if (done) return;
                    if (!provisional) {
                        provisional = true;
                        if (cancelWanted) sendCancel();
                    }
                    if (status > Response.TRYING) armRingTimer(); // section 16.7 step 2: reset Timer C
                    onProvisional(this, response);
                } else if (status < 300) {
                    boolean wasDone = done;
                    finish();
                    onSuccess(this, response);
                    if (!wasDone) branchEnded();
                } else if (!done) {
                    finish();
                    Response out = ringExpired && status == Response.REQUEST_TERMINATED
                            ? local(Response.TEMPORARILY_UNAVAILABLE, "No Answer") : upstream(response);
                    onFailure(this, out);
                    branchEnded();
                }
            }
        }

        @Override
        public void onTimeout() {
            synchronized (InviteForwarding.this) {
                timedOut();
            }
        }

        private void timedOut() {
            if (done) return;
            finish();
            onFailure(this, local(Response.REQUEST_TIMEOUT, "No answer from " + copy.getRequestURI()));
            branchEnded();
        }

        /** Cancels the branch: at once once it has rung, else when its first provisional response comes. */
        void cancel(boolean ringTimeout) {
            if (done) return;
            if (ringTimeout) ringExpired = true;
            cancelWanted = true;
            if (provisional) sendCancel();
        }

        private void sendCancel() {
            if (cancelSent) return;
            cancelSent = true;
            client.cancel();
            if (ringTimer != null) ringTimer.cancel();
            cancelledTimer = timers.schedule(CANCELLED_BRANCH_PATIENCE.toMillis(), () -> {
                synchronized (InviteForwarding.this) {
                    timedOut();
                }
            });
        }

        private void armRingTimer() {
            if (ringTimer != null) ringTimer.cancel();
            if (cancelSent) return;
            ringTimer = timers.schedule(ringTimeout.toMillis(), () -> {
                synchronized (InviteForwarding.this) {
                    cancel(true);
                }
            });
        }

        private void finish() {
            done = true;
            if (ringTimer != null) ringTimer.cancel();
            if (cancelledTimer != null) cancelledTimer.cancel();
        }
    }
}
