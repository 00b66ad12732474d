package org.interlay.router.ua;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.presence.PidfCodec;
import org.interlay.router.presence.PidfFormatException;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.sip.Tags;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to someone's presence, on the subscriber's side (RFC 6665 section 4.1): the
 * SUBSCRIBE goes out through the outbound proxy; the dialog (remote tag and target) is learnt from
 * the 200 or the first NOTIFY, whichever comes first; refreshes go in the dialog before expiry; a
 * refresh that fails, or a NOTIFY that ends the subscription by timeout, starts a new subscription.
 * While active, the notifier is probed: an OPTIONS in the dialog every {@link #PROBE_EVERY}; with no
 * answer within {@link #PROBE_PATIENCE} the notifier is taken for gone (a router that died, whose
 * standby now bridges the domains) and a new subscription starts through the outbound proxy, tried
 * again every {@link #RESTART_DELAY} until one is accepted. RFC 6665 lets a refresh find a dead
 * notifier, but only at the refresh, which may be an hour away. {@link #close()} unsubscribes.
 */
public final class PresenceSubscription implements AutoCloseable {
    static final Duration PROBE_EVERY = Duration.ofSeconds(3);
    static final Duration PROBE_PATIENCE = Duration.ofSeconds(2);
    static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(PresenceSubscription.class);
    private final String presentity;
    private final UacRequests requests;
    private final RequestSender sender;
    private final Scheduler timers;
    private final Consumer<PresenceNotification> listener;
    private final Duration expires;
    private final AtomicLong cseq = new AtomicLong(1);
    private final Consumer<PresenceSubscription> onNewDialog;
    private String callId;
    private String localTag;
    private String remoteTag;
    private URI remoteTarget;
    private List<Address> routeSet = List.of();
    private Timer refresh;
    private Timer probe;
    /** Counts the dialogs this subscription has had, so that timers of an earlier one do nothing. */
    private long dialog;
    private volatile PresenceDocument last;
    private volatile boolean active;
    private int accepted;
    private volatile boolean closed;

    PresenceSubscription(String presentity, UacRequests requests, RequestSender sender, Scheduler timers,
                         Duration expires, Consumer<PresenceNotification> listener, Consumer<PresenceSubscription> onNewDialog) {
        this.presentity = presentity;
        this.requests = requests;
        this.sender = sender;
        this.timers = timers;
        this.expires = expires;
        this.listener = listener;
        this.onNewDialog = onNewDialog;
    }

    public String presentity() {
        return presentity;
    }

    /** How many SUBSCRIBEs of this subscription (the first and each refresh) the notifier has accepted. */
    public synchronized int accepted() {
        return accepted;
    }

    public boolean isActive() {
        return active;
    }

    /** The last presence document received, or null. */
    public PresenceDocument lastDocument() {
        return last;
    }

    synchronized String callId() {
        return callId;
    }

    /** Sends a new SUBSCRIBE, out of dialog; the future tells its final response. */
    synchronized CompletableFuture<SipOutcome> start() {
        dialog++;
        cancel(probe);
        callId = Tags.random() + "-sub";
        localTag = Tags.random();
        remoteTag = null;
        remoteTarget = null;
        cseq.set(1);
        onNewDialog.accept(this);
        Address target = requests.parse(presentity);
        Request subscribe = requests.outOfDialog(Request.SUBSCRIBE, target.getURI(), target, callId, cseq.getAndIncrement(), localTag);
        return send(subscribe, expires.toSeconds());
    }

    private CompletableFuture<SipOutcome> send(Request subscribe, long seconds) {
        decorate(subscribe, seconds);
        return Outcomes.unwrap(sender.send(subscribe)).handle((response, error) -> {
            synchronized (this) {
                if (response != null) Outcomes.followCseq(cseq, response);
                if (error != null || response.getStatusCode() / 100 != 2) {
                    if (seconds > 0 && remoteTag != null && !closed) timers.execute(this::restart);
                    return error != null ? new SipOutcome(408, "No response") : Outcomes.of(response);
                }
                learnDialog(response);
                active = seconds > 0;
                if (active) scheduleRefresh(Outcomes.grantedSeconds(response, seconds));
                if (active) scheduleProbe();
                if (active) accepted++;
                return Outcomes.of(response);
            }
        });
    }

    private void learnDialog(Response ok) {
        remoteTag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        if (contact != null) remoteTarget = contact.getAddress().getURI();
        List<Address> routes = new ArrayList<>();
        for (RecordRouteHeader r : SipHeaders.all(ok, RecordRouteHeader.NAME, RecordRouteHeader.class)) routes.add(r.getAddress());
        Collections.reverse(routes);
        routeSet = routes;
    }

    private void scheduleRefresh(long granted) {
        if (refresh != null) refresh.cancel();
        refresh = timers.schedule(Outcomes.refreshDelayMillis(granted), () -> refresh(expires.toSeconds()));
    }

    /** Starts a new subscription, and again after a delay for as long as none is accepted. */
    private void restart() {
        synchronized (this) {
            if (closed) return;
        }
        start().whenComplete((outcome, error) -> {
            if (error != null || !outcome.isSuccess()) {
                log.info("subscribing to {} again failed ({}); trying again in {} s", presentity,
                        error != null ? error.toString() : outcome, RESTART_DELAY.toSeconds());
                timers.schedule(RESTART_DELAY.toMillis(), this::restart);
            }
        });
    }

    private void scheduleProbe() {
        cancel(probe);
        long current = dialog;
        probe = timers.schedule(PROBE_EVERY.toMillis(), () -> probe(current));
    }

    /** Asks the notifier of dialog {@code of} for any answer; none in time, and the subscription starts over. */
    private void probe(long of) {
        Request options;
        synchronized (this) {
            if (closed || of != dialog || remoteTarget == null || remoteTag == null) return;
            options = requests.inDialog(Request.OPTIONS, remoteTarget, requests.ownAddress(), localTag,
                    requests.parse(presentity), remoteTag, callId, cseq.getAndIncrement(), routeSet);
        }
        CompletableFuture<Response> answer = sender.send(options);
        timers.schedule(PROBE_PATIENCE.toMillis(), () -> {
            synchronized (this) {
                if (closed || of != dialog) return;
                if (answer.isDone() && !answer.isCompletedExceptionally()) {
                    scheduleProbe();
                    return;
                }
                cancel(refresh);
                active = false;
            }
            log.info("the notifier of {}'s presence at {} does not answer; subscribing again", presentity, remoteTarget);
            restart();
        });
    }

    private static void cancel(Timer timer) {
        if (timer != null) timer.cancel();
    }

    private synchronized CompletableFuture<SipOutcome> refresh(long seconds) {
        if (remoteTarget == null || remoteTag == null) return start();
        Request subscribe = requests.inDialog(Request.SUBSCRIBE, remoteTarget, requests.ownAddress(), localTag,
                requests.parse(presentity), remoteTag, callId, cseq.getAndIncrement(), routeSet);
        return send(subscribe, seconds);
    }

    /** Handles a NOTIFY of this subscription's dialog; returns the status to answer it with. */
    synchronized int notified(Request notify) {
        if (remoteTag == null) remoteTag = ((FromHeader) notify.getHeader(FromHeader.NAME)).getTag();
        ContactHeader contact = (ContactHeader) notify.getHeader(ContactHeader.NAME);
        if (contact != null) remoteTarget = contact.getAddress().getURI(); // NOTIFY is a target refresh request (RFC 6665)
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        if (state == null) return Response.BAD_REQUEST;
        PresenceDocument document = null;
        byte[] body = notify.getRawContent();
        if (body != null && body.length > 0) {
            try {
                document = PidfCodec.parse(body);
            } catch (PidfFormatException e) {
                return Response.BAD_REQUEST;
            }
            last = document;
        }
        boolean terminated = SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState());
        active = !terminated;
        listener.accept(new PresenceNotification(presentity, document, !terminated, terminated ? state.getReasonCode() : null));
        if (terminated && !closed && ("timeout".equalsIgnoreCase(state.getReasonCode()) || state.getReasonCode() == null
                || "deactivated".equalsIgnoreCase(state.getReasonCode()))) {
            if (refresh != null) refresh.cancel();
            cancel(probe);
            timers.execute(this::restart);
        }
        return Response.OK;
    }

    /** Unsubscribes (a SUBSCRIBE with Expires 0 in the dialog) and stops refreshing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (refresh != null) refresh.cancel();
        cancel(probe);
        if (active) refresh(0);
        active = false;
    }

    private static void decorate(Request subscribe, long seconds) {
        try {
            HeaderFactory h = SipFactories.get().headers();
            subscribe.setHeader(h.createEventHeader("presence"));
            subscribe.setHeader(h.createAcceptHeader("application", "pidf+xml"));
            subscribe.setHeader(h.createExpiresHeader((int) seconds));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a SUBSCRIBE", e);
        }
    }
}
