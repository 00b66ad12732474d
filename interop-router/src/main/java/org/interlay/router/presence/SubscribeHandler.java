package org.interlay.router.presence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.sip.Tags;

/**
 * The presence notifier for presentities of the domains served here (RFC 6665, RFC 3856): a SUBSCRIBE
 * to such a presentity creates a subscription (200 with the granted Expires, then a NOTIFY with the
 * current document); a SUBSCRIBE in one of its dialogs refreshes it, or with Expires 0 ends it (a
 * last NOTIFY, terminated). Refuses other event packages (489), subscribers that do not accept PIDF
 * (406), too short an expiry (423), SUBSCRIBEs without a From tag or Contact (400) and refreshes of
 * subscriptions it does not hold (481).
 */
public final class SubscribeHandler implements SipHandler {
    private final SubscriptionTable table;
    private final Function<String, Optional<PresenceStore>> stores;
    private final ExpiryPolicy policy;
    private final Notifier notifier;
    private final SelfAddress self;
    private final SipURI contact;
    private final InstantSource clock;

    SubscribeHandler(SubscriptionTable table, Function<String, Optional<PresenceStore>> stores, ExpiryPolicy policy,
                     Notifier notifier, SelfAddress self, SipURI contact, InstantSource clock) {
        this.table = table;
        this.stores = stores;
        this.policy = policy;
        this.notifier = notifier;
        this.self = self;
        this.contact = contact;
        this.clock = clock;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!request.getMethod().equals(Request.SUBSCRIBE)) return false;
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (toTag != null) {
            Optional<Subscription> existing = table.find(callId, toTag);
            if (existing.isEmpty() && !self.isSelf(request.getRequestURI())) return false;
            if (!exchange.enterTransaction()) return true;
            if (existing.isEmpty()) {
                exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            } else {
                refresh(exchange, existing.get());
            }
            return true;
        }
        Optional<AddressOfRecord> aor = AddressOfRecord.of(request.getRequestURI());
        Optional<PresenceStore> store = aor.flatMap(a -> stores.apply(a.domain()));
        if (store.isEmpty()) return false;
        if (!exchange.enterTransaction()) return true;
        create(exchange, aor.get(), store.get());
        return true;
    }

    private void create(ServerExchange exchange, AddressOfRecord aor, PresenceStore store) {
        Request request = exchange.request();
        Long seconds = grantedOrRefused(exchange);
        if (seconds == null) return;
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ContactHeader remote = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (from.getTag() == null || remote == null || remote.isWildCard()) {
            exchange.respond(Response.BAD_REQUEST, "A SUBSCRIBE needs a From tag and a Contact");
            return;
        }
        if (!PresenceHeaders.acceptsPidf(request)) {
            Response r = exchange.response(Response.NOT_ACCEPTABLE);
            PresenceHeaders.acceptPidf(r);
            exchange.send(r);
            return;
        }
        String localTag = Tags.random();
        Instant now = clock.instant();
        Subscription s = new Subscription(new Subscription.Id(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                localTag), from.getTag(), aor.toString(), ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress(),
                from.getAddress(), remote.getAddress().getURI(), recordRoutes(request),
                ((EventHeader) request.getHeader(EventHeader.NAME)).getEventId(), now.plusSeconds(seconds));
        if (seconds > 0) table.add(s);
        Response ok = exchange.response(Response.OK);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        decorate(ok, seconds);
        exchange.send(ok);
        store.read(aor.toString()).whenComplete((publication, error) -> {
            if (seconds == 0) {
                notifier.terminated(s, "timeout");
            } else {
                notifier.active(s, error == null ? publication : Optional.empty());
            }
        });
    }

    private void refresh(ServerExchange exchange, Subscription s) {
        Long seconds = grantedOrRefused(exchange);
        if (seconds == null) return;
        Response ok = exchange.response(Response.OK);
        decorate(ok, seconds);
        if (seconds == 0) {
            table.remove(s);
            exchange.send(ok);
            notifier.terminated(s, "timeout");
            return;
        }
        s.refresh(clock.instant().plusSeconds(seconds));
        exchange.send(ok);
        PresenceStore store = stores.apply(s.presentity().substring(s.presentity().indexOf('@') + 1)).orElse(null);
        if (store == null) return;
        store.read(s.presentity()).whenComplete((publication, error) ->
                notifier.active(s, error == null ? publication : Optional.empty()));
    }

    /** The seconds granted, or null after refusing the request (489 or 423). */
    private Long grantedOrRefused(ServerExchange exchange) {
        Request request = exchange.request();
        if (!PresenceHeaders.isPresenceEvent(request)) {
            Response r = exchange.response(Response.BAD_EVENT);
            PresenceHeaders.badEvent(r);
            exchange.send(r);
            return null;
        }
        try {
            ExpiresHeader expires = request.getExpires();
            return policy.grant(expires == null ? -1 : expires.getExpires());
        } catch (ExpiryPolicy.IntervalTooBriefException e) {
            Response r = exchange.response(Response.INTERVAL_TOO_BRIEF);
            PresenceHeaders.minExpires(r, e.minSeconds());
            exchange.send(r);
            return null;
        }
    }

    private void decorate(Response ok, long seconds) {
        PresenceHeaders.expires(ok, seconds);
        ok.setHeader(SipFactories.get().headers().createContactHeader(SipFactories.get().addresses().createAddress(contact)));
    }

    private static List<Address> recordRoutes(Request request) {
        List<Address> routes = new ArrayList<>();
        for (RecordRouteHeader r : SipHeaders.all(request, RecordRouteHeader.NAME, RecordRouteHeader.class)) {
            routes.add(r.getAddress());
        }
        return routes;
    }
}
