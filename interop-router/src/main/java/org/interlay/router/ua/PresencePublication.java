package org.interlay.router.ua;

import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sip.InvalidArgumentException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SIPETagHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.presence.PidfCodec;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.Tags;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * The user's published presence (RFC 3903 section 4): an initial PUBLISH, then modifications and
 * refreshes carrying the entity tag last received; a 412 (the state expired or was replaced) starts
 * over with an initial PUBLISH.
 */
final class PresencePublication {
    private final AddressOfRecord aor;
    private final UacRequests requests;
    private final RequestSender sender;
    private final Scheduler timers;
    private String etag;
    private byte[] lastBody;
    private Timer refresh;

    PresencePublication(AddressOfRecord aor, UacRequests requests, RequestSender sender, Scheduler timers) {
        this.aor = aor;
        this.requests = requests;
        this.sender = sender;
        this.timers = timers;
    }

    synchronized CompletableFuture<SipOutcome> publish(PresenceDocument document, Duration expires) {
        return send(PidfCodec.format(document), expires.toSeconds(), true);
    }

    synchronized CompletableFuture<SipOutcome> withdraw() {
        if (etag == null) return CompletableFuture.completedFuture(new SipOutcome(200, "Nothing published"));
        return send(null, 0, false);
    }

    private synchronized CompletableFuture<SipOutcome> send(byte[] body, long seconds, boolean restartOn412) {
        if (refresh != null) refresh.cancel();
        if (body != null) lastBody = body;
        String ifMatch = etag;
        Request publish = requests.outOfDialog(Request.PUBLISH, requests.ownAddress().getURI(), requests.ownAddress(),
                Tags.random() + "-pub", 1, Tags.random());
        try {
            HeaderFactory h = SipFactories.get().headers();
            publish.setHeader(h.createEventHeader("presence"));
            publish.setHeader(h.createExpiresHeader((int) seconds));
            if (ifMatch != null) publish.setHeader(h.createSIPIfMatchHeader(ifMatch));
            if (body != null) publish.setContent(body, h.createContentTypeHeader("application", "pidf+xml"));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a PUBLISH for " + aor, e);
        }
        return Outcomes.unwrap(sender.send(publish)).thenCompose(response -> {
            synchronized (this) {
                if (response.getStatusCode() == Response.CONDITIONAL_REQUEST_FAILED && restartOn412 && lastBody != null) {
                    etag = null;
                    return send(lastBody, seconds, false);
                }
                if (response.getStatusCode() / 100 == 2) {
                    SIPETagHeader tag = (SIPETagHeader) response.getHeader(SIPETagHeader.NAME);
                    etag = seconds == 0 || tag == null ? null : tag.getETag();
                    long granted = Outcomes.grantedSeconds(response, seconds);
                    if (etag != null && granted > 0) {
                        refresh = timers.schedule(Outcomes.refreshDelayMillis(granted), () -> send(null, granted, true));
                    }
                }
                return CompletableFuture.completedFuture(Outcomes.of(response));
            }
        });
    }
}
