package org.interlay.router.proxy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.time.Scheduler;

/**
 * The INVITEs being forwarded here, by the key a CANCEL shares with its INVITE (RFC 3261 section
 * 9.2: the top Via's branch and sent-by), so a CANCEL from upstream finds what to cancel. An entry
 * stays for Timer L (64 T1, 32 s) after its INVITE has its final answer and no branch is left: the
 * stack ends an INVITE server transaction as soon as it sends a 2xx, so a retransmission of the
 * INVITE arriving later (its sender had not yet seen a response) would otherwise be taken for a new
 * request and forwarded again; RFC 6026 keeps the transaction "Accepted" that long for this reason.
 */
public final class InviteContexts {
    /** RFC 6026 Timer L: how long an answered INVITE is remembered, to absorb its retransmissions. */
    static final long TIMER_L_MILLIS = 32_000;
    private final Map<String, InviteForwarding> byKey = new ConcurrentHashMap<>();
    private final Scheduler timers;

    /** @param timers where entries of answered INVITEs are forgotten after Timer L */
    public InviteContexts(Scheduler timers) {
        this.timers = timers;
    }

    void add(Request invite, InviteForwarding forwarding) {
        byKey.put(key(invite), forwarding);
    }

    /** Forgets {@code forwarding} once Timer L has run after it ended. */
    void ended(Request invite, InviteForwarding forwarding) {
        String key = key(invite);
        timers.schedule(TIMER_L_MILLIS, () -> byKey.remove(key, forwarding));
    }

    /**
     * The INVITE forwarding that {@code request} belongs to (a CANCEL for it, or a retransmission of
     * the INVITE), if it is under way or ended less than Timer L ago.
     */
    Optional<InviteForwarding> find(Request request) {
        return Optional.ofNullable(byKey.get(key(request)));
    }

    /** INVITEs under way or recently answered. */
    public int size() {
        return byKey.size();
    }

    private static String key(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via == null) return "";
        return via.getBranch() + "|" + via.getHost() + ":" + via.getPort();
    }
}
