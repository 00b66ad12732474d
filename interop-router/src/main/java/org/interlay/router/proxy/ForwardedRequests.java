package org.interlay.router.proxy;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.sip.Tags;

/**
 * Makes the copy of a request that a proxy sends to one target (RFC 3261 section 16.6): new
 * Request-URI, Max-Forwards decremented (or set to 70), the target's next hop as a loose Route, and
 * this proxy's Via on top. The Via branch carries a hash of the fields that define the request as
 * received (section 16.6 step 8), so that a request coming back unchanged is recognised as a loop
 * while one that was retargeted in between (a spiral) is not; the rest of the branch is derived from
 * the received branch, so a retransmission forwarded without state gets the same branch again.
 */
public final class ForwardedRequests {
    private static final String BRANCH_PREFIX = Tags.MAGIC_COOKIE + "il";
    private static final int DEFAULT_MAX_FORWARDS = 70;

    private final SelfAddress self;

    public ForwardedRequests(SelfAddress self) {
        this.self = self;
    }

    /**
     * The copy of {@code received} for {@code target}; {@code copyNumber} tells apart the copies of one
     * request (forks, and attempts through another hop), so each gets its own client transaction.
     */
    public Request copyFor(Request received, Target target, int copyNumber) {
        return retarget(received, (Request) received.clone(), target, copyNumber);
    }

    /**
     * Turns {@code received} itself into the request for {@code target}, without copying it: for a
     * stateless relay, which sends one copy and keeps nothing.
     */
    public Request forwardInPlace(Request received, Target target, int copyNumber) {
        return retarget(received, received, target, copyNumber);
    }

    private Request retarget(Request received, Request copy, Target target, int copyNumber) {
        ViaHeader top = (ViaHeader) received.getHeader(ViaHeader.NAME);
        String branch = BRANCH_PREFIX + loopHash(received) + "." + Tags.digest(top.getBranch() + "/" + copyNumber, 6);
        try {
            copy.setRequestURI(target.requestUri());
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
            if (maxForwards == null) {
                copy.setHeader(SipFactories.get().headers().createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
            } else {
                maxForwards.decrementMaxForwards();
            }
            if (target.via() != null) {
                Address hop = SipFactories.get().addresses().createAddress(target.via());
                copy.addFirst(SipFactories.get().headers().createRouteHeader(hop));
            }
            copy.addFirst(SipFactories.get().headers().createViaHeader(self.host(), self.port(), "udp", branch));
            return copy;
        } catch (ParseException | InvalidArgumentException | javax.sip.SipException e) {
            throw new IllegalStateException("cannot forward " + received.getMethod() + " to " + target, e);
        }
    }

    /**
     * True when {@code received} carries a Via of this proxy whose loop hash matches the request as it
     * is now: the request came back unchanged, so forwarding it again would go round for ever.
     */
    public boolean isLoop(Request received) {
        String expected = null; // the hash is only worked out for a request that passed here before
        for (ViaHeader via : SipHeaders.all(received, ViaHeader.NAME, ViaHeader.class)) {
            String branch = via.getBranch();
            if (branch == null || !branch.startsWith(BRANCH_PREFIX) || !self.isSelf(via)) continue;
            if (expected == null) expected = BRANCH_PREFIX + loopHash(received) + ".";
            if (branch.startsWith(expected)) return true;
        }
        return false;
    }

    /** Hash of Request-URI, To tag, From tag, Call-ID, CSeq number and Route set. */
    static String loopHash(Request r) {
        StringBuilder s = new StringBuilder(r.getRequestURI().toString()).append('\n');
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        s.append(to == null ? "" : to.getTag()).append('\n').append(from == null ? "" : from.getTag()).append('\n');
        CallIdHeader callId = (CallIdHeader) r.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        s.append(callId == null ? "" : callId.getCallId()).append('\n').append(cseq == null ? 0 : cseq.getSeqNumber());
        for (RouteHeader route : SipHeaders.all(r, RouteHeader.NAME, RouteHeader.class)) s.append('\n').append(route);
        return Tags.digest(s.toString(), 5);
    }
}
