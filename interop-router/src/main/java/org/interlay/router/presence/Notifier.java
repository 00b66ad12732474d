package org.interlay.router.presence;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.Tags;
import org.interlay.router.store.KeyedSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFY requests in subscriptions' dialogs (RFC 6665 section 4.2.2, RFC 3856): the current
 * PIDF document (or an empty one when nothing is published), Subscription-State active with the
 * seconds left, or terminated with a reason. One NOTIFY at a time per subscription, each waiting
 * for the previous one's transaction; a subscriber that answers 481, or does not answer, has its
 * subscription removed.
 */
final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    static final String NOTHING_PUBLISHED = "none";

    private final RequestSender sender;
    private final SelfAddress self;
    private final SipURI contact;
    private final InstantSource clock;
    private final Consumer<Subscription> dead;
    private final KeyedSequencer<Subscription.Id> inOrder = new KeyedSequencer<>();

    Notifier(RequestSender sender, SelfAddress self, SipURI contact, InstantSource clock, Consumer<Subscription> dead) {
        this.sender = sender;
        this.self = self;
        this.contact = contact;
        this.clock = clock;
        this.dead = dead;
    }

    /** The state a publication stands for, to tell whether a subscriber has seen it. */
    static String stateOf(Optional<Publication> publication) {
        return publication.map(Publication::etag).orElse(NOTHING_PUBLISHED);
    }

    /** Sends the subscriber {@code state} in an active subscription. */
    CompletableFuture<Void> active(Subscription s, Optional<Publication> state) {
        s.sent(stateOf(state));
        long left = Math.max(0, (s.expiresAt().toEpochMilli() - clock.millis() + 999) / 1000);
        byte[] body = state.map(Publication::pidf).orElseGet(() -> PidfCodec.format(
                new PresenceDocument("pres:" + s.presentity().substring("sip:".length()), List.of(), List.of())));
        return send(s, state(SubscriptionStateHeader.ACTIVE, left, null), body);
    }

    /** Ends the subscription with a last NOTIFY (reason timeout, noresource, ...). */
    CompletableFuture<Void> terminated(Subscription s, String reason) {
        return send(s, state(SubscriptionStateHeader.TERMINATED, -1, reason), null);
    }

    private static SubscriptionStateHeader state(String state, long expires, String reason) {
        try {
            SubscriptionStateHeader header = SipFactories.get().headers().createSubscriptionStateHeader(state);
            if (expires >= 0) header.setExpires((int) Math.min(Integer.MAX_VALUE, expires));
            if (reason != null) header.setReasonCode(reason);
            return header;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("bad Subscription-State " + state, e);
        }
    }

    private CompletableFuture<Void> send(Subscription s, SubscriptionStateHeader subscriptionState, byte[] body) {
        return inOrder.run(s.id(), () -> {
            Request notify;
            try {
                notify = build(s, subscriptionState, body);
            } catch (ParseException | InvalidArgumentException e) {
                log.warn("cannot build a NOTIFY for {}", s.presentity(), e);
                return CompletableFuture.completedFuture(null);
            }
            return sender.send(notify).handle((response, error) -> {
                if (error != null || response.getStatusCode() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
                    log.debug("subscription of {} to {} is gone: {}", s.subscriberAddress(), s.presentity(),
                            error != null ? error.toString() : response.getStatusCode());
                    dead.accept(s);
                }
                return null;
            });
        });
    }

    private Request build(Subscription s, SubscriptionStateHeader subscriptionState, byte[] body) throws ParseException, InvalidArgumentException {
        HeaderFactory h = SipFactories.get().headers();
        List<ViaHeader> via = new ArrayList<>(List.of(h.createViaHeader(self.host(), self.port(), "udp", Tags.randomBranch())));
        Request notify = SipFactories.get().messages().createRequest(s.remoteTarget(), Request.NOTIFY,
                h.createCallIdHeader(s.id().callId()), h.createCSeqHeader(s.nextCseq(), Request.NOTIFY),
                h.createFromHeader(s.presentityAddress(), s.id().localTag()),
                h.createToHeader(s.subscriberAddress(), s.remoteTag()), via, h.createMaxForwardsHeader(70));
        for (Address route : s.routeSet()) notify.addHeader(h.createRouteHeader(route));
        notify.setHeader(h.createContactHeader(SipFactories.get().addresses().createAddress(contact)));
        EventHeader event = h.createEventHeader(PresenceHeaders.EVENT);
        if (s.eventId() != null) event.setEventId(s.eventId());
        notify.setHeader(event);
        notify.setHeader(subscriptionState);
        if (body != null) notify.setContent(body, PresenceHeaders.pidfType());
        return notify;
    }
}
