package org.interlay.router.proxy;

import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The checks a proxy makes before forwarding (RFC 3261 section 16.3): a request whose Max-Forwards
 * is used up gets 483 Too Many Hops; one that came back through this proxy unchanged gets 482 Loop
 * Detected. A request this element answers itself (as registrar or presence agent) is not checked.
 */
public final class LoopGuard {
    private final ForwardedRequests copies;

    public LoopGuard(ForwardedRequests copies) {
        this.copies = copies;
    }

    /** The status to refuse {@code request} with, or 0 when it may be forwarded. */
    public int refusal(Request request) {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) return Response.TOO_MANY_HOPS;
        if (copies.isLoop(request)) return Response.LOOP_DETECTED;
        return 0;
    }
}
