package org.interlay.router.presence;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.address.Address;
import javax.sip.address.URI;

/**
 * One subscription to a presentity's presence, held by the notifier (RFC 6665): the dialog it lives
 * in (Call-ID, tags, the subscriber's target and route set), when it expires, the CSeq of the next
 * NOTIFY and which state the subscriber was last sent.
 */
final class Subscription {
    /** Identifies a subscription's dialog on the notifier's side. */
    record Id(String callId, String localTag) {}

    private final Id id;
    private final String remoteTag;
    private final String presentity;
    private final Address presentityAddress;
    private final Address subscriberAddress;
    private final URI remoteTarget;
    private final List<Address> routeSet;
    private final String eventId;
    private final AtomicLong cseq = new AtomicLong(1);
    private volatile Instant expiresAt;
    private volatile String lastSentState;

    Subscription(Id id, String remoteTag, String presentity, Address presentityAddress, Address subscriberAddress,
                 URI remoteTarget, List<Address> routeSet, String eventId, Instant expiresAt) {
        this.id = id;
        this.remoteTag = remoteTag;
        this.presentity = presentity;
        this.presentityAddress = presentityAddress;
        this.subscriberAddress = subscriberAddress;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.eventId = eventId;
        this.expiresAt = expiresAt;
    }

    Id id() {
        return id;
    }

    String remoteTag() {
        return remoteTag;
    }

    /** The presentity's address of record, {@code sip:user@domain}. */
    String presentity() {
        return presentity;
    }

    Address presentityAddress() {
        return presentityAddress;
    }

    Address subscriberAddress() {
        return subscriberAddress;
    }

    URI remoteTarget() {
        return remoteTarget;
    }

    List<Address> routeSet() {
        return routeSet;
    }

    /** The id parameter of the SUBSCRIBE's Event header, repeated in every NOTIFY; null when it had none. */
    String eventId() {
        return eventId;
    }

    long nextCseq() {
        return cseq.getAndIncrement();
    }

    Instant expiresAt() {
        return expiresAt;
    }

    void refresh(Instant until) {
        expiresAt = until;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    String lastSentState() {
        return lastSentState;
    }

    void sent(String state) {
        lastSentState = state;
    }
}
