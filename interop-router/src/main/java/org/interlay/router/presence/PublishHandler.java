package org.interlay.router.presence;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event state compositor for presence of the domains served here (RFC 3903): takes a PUBLISH
 * for a presentity of such a domain and stores its PIDF document in the domain's overlay, answering
 * 200 with a new SIP-ETag and the granted Expires. Refuses other event packages (489), bodies that
 * are not PIDF (415) or not well-formed (400), an initial PUBLISH with no body (400), a stale entity
 * tag (412) and too short an expiry (423). Tells the presence watch of every change.
 */
public final class PublishHandler implements SipHandler {
    private static final Logger log = LoggerFactory.getLogger(PublishHandler.class);

    private final Function<String, Optional<PresenceStore>> stores;
    private final ExpiryPolicy policy;
    private final InstantSource clock;
    private final Consumer<String> changed;

    /** @param changed told the address of record of each presentity whose publication changed */
    public PublishHandler(Function<String, Optional<PresenceStore>> stores, ExpiryPolicy policy, InstantSource clock,
                          Consumer<String> changed) {
        this.stores = stores;
        this.policy = policy;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!request.getMethod().equals(Request.PUBLISH)) return false;
        Optional<AddressOfRecord> aor = AddressOfRecord.of(request.getRequestURI());
        Optional<PresenceStore> store = aor.flatMap(a -> stores.apply(a.domain()));
        if (store.isEmpty()) return false;
        if (!exchange.enterTransaction()) return true;
        Response refusal = refusal(exchange, request, aor.get());
        if (refusal != null) {
            exchange.send(refusal);
            return true;
        }
        long seconds;
        try {
            ExpiresHeader expires = request.getExpires();
            seconds = policy.grant(expires == null ? -1 : expires.getExpires());
        } catch (ExpiryPolicy.IntervalTooBriefException e) {
            Response tooBrief = exchange.response(Response.INTERVAL_TOO_BRIEF);
            PresenceHeaders.minExpires(tooBrief, e.minSeconds());
            exchange.send(tooBrief);
            return true;
        }
        SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
        byte[] body = request.getRawContent();
        store.get().publish(aor.get().toString(), ifMatch == null ? null : ifMatch.getETag(),
                body == null || body.length == 0 ? null : body, seconds).whenComplete((published, error) -> {
                    if (error == null) {
                        exchange.send(ok(exchange, published));
                        changed.accept(aor.get().toString());
                        return;
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof PublishRefusedException refused) {
                        exchange.respond(refused.status(), refused.getMessage());
                    } else {
                        log.debug("cannot store the publication of {}: {}", aor.get(), cause.toString());
                        exchange.respond(Response.SERVICE_UNAVAILABLE, "Overlay unreachable");
                    }
                });
        return true;
    }

    /** The response refusing the PUBLISH at once, or null when it may go ahead. */
    private static Response refusal(ServerExchange exchange, Request request, AddressOfRecord aor) {
        if (!PresenceHeaders.isPresenceEvent(request)) {
            Response r = exchange.response(Response.BAD_EVENT);
            PresenceHeaders.badEvent(r);
            return r;
        }
        byte[] body = request.getRawContent();
        boolean hasBody = body != null && body.length > 0;
        if (!hasBody && request.getHeader(SIPIfMatchHeader.NAME) == null) {
            return reason(exchange.response(Response.BAD_REQUEST), "An initial PUBLISH needs a body");
        }
        if (hasBody && !PresenceHeaders.isPidf(request)) {
            Response r = exchange.response(Response.UNSUPPORTED_MEDIA_TYPE);
            PresenceHeaders.acceptPidf(r);
            return r;
        }
        if (hasBody) {
            try {
                PresenceDocument doc = PidfCodec.parse(body);
                if (!names(doc.entity(), aor)) return reason(exchange.response(Response.BAD_REQUEST), "PIDF entity is not the presentity");
            } catch (PidfFormatException e) {
                return reason(exchange.response(Response.BAD_REQUEST), "Bad PIDF document");
            }
        }
        return null;
    }

    /** True when a PIDF entity ({@code pres:} or {@code sip:} URI) names {@code aor}. */
    static boolean names(String entity, AddressOfRecord aor) {
        String e = entity.startsWith("pres:") ? entity.substring(5) : entity.startsWith("sip:") ? entity.substring(4) : entity;
        int semicolon = e.indexOf(';');
        if (semicolon >= 0) e = e.substring(0, semicolon);
        int at = e.lastIndexOf('@');
        return at > 0 && e.substring(0, at).equals(aor.user()) && e.substring(at + 1).equalsIgnoreCase(aor.domain());
    }

    private Response ok(ServerExchange exchange, Optional<Publication> published) {
        Response ok = exchange.response(Response.OK);
        try {
            if (published.isPresent()) {
                ok.setHeader(SipFactories.get().headers().createSIPETagHeader(published.get().etag()));
                PresenceHeaders.expires(ok, published.get().secondsLeft(clock.instant()));
            } else {
                PresenceHeaders.expires(ok, 0);
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private static Response reason(Response r, String reason) {
        try {
            r.setReasonPhrase(reason);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }
}
