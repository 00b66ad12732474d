package org.interlay.router.ua;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.address.URI;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.Tags;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user agent's registration (RFC 3261 section 10.2): one Call-ID, CSeq counting up, refreshed
 * before it expires, retried once with the registrar's Min-Expires after a 423.
 */
final class Registration {
    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final AddressOfRecord aor;
    private final UacRequests requests;
    private final RequestSender sender;
    private final Scheduler timers;
    private final String callId = Tags.random() + "-reg";
    private final String fromTag = Tags.random();
    private final AtomicLong cseq = new AtomicLong(1);
    private Timer refresh;

    Registration(AddressOfRecord aor, UacRequests requests, RequestSender sender, Scheduler timers) {
        this.aor = aor;
        this.requests = requests;
        this.sender = sender;
        this.timers = timers;
    }

    synchronized CompletableFuture<SipOutcome> register(Duration expires) {
        cancelRefresh();
        return send(expires.toSeconds(), true);
    }

    synchronized CompletableFuture<SipOutcome> unregister() {
        cancelRefresh();
        return send(0, false);
    }

    private CompletableFuture<SipOutcome> send(long seconds, boolean retryTooBrief) {
        Request register = requests.outOfDialog(Request.REGISTER, registrarUri(), requests.ownAddress(), callId,
                cseq.getAndIncrement(), fromTag);
        try {
            register.setHeader(SipFactories.get().headers().createExpiresHeader((int) seconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("bad expiry " + seconds, e);
        }
        return Outcomes.unwrap(sender.send(register)).thenCompose(response -> {
            Outcomes.followCseq(cseq, response);
            if (response.getStatusCode() == Response.INTERVAL_TOO_BRIEF && retryTooBrief
                    && response.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min) {
                return send(min.getExpires(), false);
            }
            if (response.getStatusCode() / 100 == 2 && seconds > 0) {
                scheduleRefresh(Outcomes.grantedSeconds(response, seconds));
            }
            return CompletableFuture.completedFuture(Outcomes.of(response));
        });
    }

    private synchronized void scheduleRefresh(long granted) {
        cancelRefresh();
        refresh = timers.schedule(Outcomes.refreshDelayMillis(granted), () -> send(granted, true).whenComplete((o, e) -> {
            if (e != null || !o.isSuccess()) log.info("refreshing the registration of {} failed: {}", aor, e != null ? e : o);
        }));
    }

    private void cancelRefresh() {
        if (refresh != null) refresh.cancel();
        refresh = null;
    }

    private URI registrarUri() {
        try {
            return SipFactories.get().addresses().createURI("sip:" + aor.domain());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
