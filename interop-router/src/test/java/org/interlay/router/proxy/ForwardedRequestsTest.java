package org.interlay.router.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.SipFactories;
import org.junit.jupiter.api.Test;

class ForwardedRequestsTest {
    private final SelfAddress self = new SelfAddress("127.0.0.1", 5070);
    private final ForwardedRequests copies = new ForwardedRequests(self);
    private final HeaderFactory headers = SipFactories.get().headers();
    private final AddressFactory addresses = SipFactories.get().addresses();

    private Request message(String requestUri) throws Exception {
        SipURI uri = (SipURI) addresses.createURI(requestUri);
        return SipFactories.get().messages().createRequest(uri, Request.MESSAGE,
                headers.createCallIdHeader("call-1"), headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress("sip:carol@pastry.lab"), "ctag"),
                headers.createToHeader(addresses.createAddress("sip:bob@kad.lab"), null),
                List.of(headers.createViaHeader("127.0.0.1", 5090, "udp", "z9hG4bK-carol-1")),
                headers.createMaxForwardsHeader(70));
    }

    /** What the next hop does before the request could come back: puts its own Via on top. */
    private Request viaNextHop(Request copy, String requestUri) throws Exception {
        Request back = (Request) copy.clone();
        back.setRequestURI(addresses.createURI(requestUri));
        back.removeHeader(RouteHeader.NAME);
        back.addFirst(headers.createViaHeader("127.0.0.1", 5080, "udp", "z9hG4bK-agent-7"));
        return back;
    }

    @Test
    void copyHasTheTargetOurViaOnTopAndOneHopLess() throws Exception {
        Request copy = copies.copyFor(message("sip:bob@kad.lab"), Target.direct(addresses.createURI("sip:bob@127.0.0.1:5099")), 0);
        assertEquals("sip:bob@127.0.0.1:5099", copy.getRequestURI().toString());
        ViaHeader top = (ViaHeader) copy.getHeader(ViaHeader.NAME);
        assertTrue(self.isSelf(top));
        assertTrue(top.getBranch().startsWith("z9hG4bK"));
        assertEquals(69, ((MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
    }

    @Test
    void sameRequestGetsTheSameBranchAndEachCopyItsOwn() throws Exception {
        Request received = message("sip:bob@kad.lab");
        Target target = Target.direct(addresses.createURI("sip:bob@127.0.0.1:5099"));
        String first = ((ViaHeader) copies.copyFor(received, target, 0).getHeader(ViaHeader.NAME)).getBranch();
        String again = ((ViaHeader) copies.copyFor(message("sip:bob@kad.lab"), target, 0).getHeader(ViaHeader.NAME)).getBranch();
        String fork = ((ViaHeader) copies.copyFor(received, target, 1).getHeader(ViaHeader.NAME)).getBranch();
        assertEquals(first, again, "a retransmission forwarded without state must keep its branch");
        assertNotEquals(first, fork);
    }

    @Test
    void requestComingBackUnchangedIsALoopButARetargetedOneIsASpiral() throws Exception {
        Request received = message("sip:bob@kad.lab");
        Request copy = copies.copyFor(received, new Target(received.getRequestURI(),
                (SipURI) addresses.createURI("sip:127.0.0.1:5080")), 0);
        assertFalse(copies.isLoop(received));
        assertTrue(copies.isLoop(viaNextHop(copy, "sip:bob@kad.lab")));
        assertFalse(copies.isLoop(viaNextHop(copy, "sip:bob@127.0.0.1:5099")), "a spiral is not a loop");
    }

    @Test
    void guardRefusesUsedUpMaxForwardsAndLoops() throws Exception {
        LoopGuard guard = new LoopGuard(copies);
        Request fresh = message("sip:bob@kad.lab");
        assertEquals(0, guard.refusal(fresh));
        Request spent = message("sip:bob@kad.lab");
        spent.setHeader(headers.createMaxForwardsHeader(0));
        assertEquals(483, guard.refusal(spent));
        Request copy = copies.copyFor(fresh, new Target(fresh.getRequestURI(), (SipURI) addresses.createURI("sip:127.0.0.1:5080")), 0);
        assertEquals(482, guard.refusal(viaNextHop(copy, "sip:bob@kad.lab")));
    }
}
