package org.interlay.router.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.address.URI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.BranchListener;
import org.interlay.router.sip.BranchSender;
import org.interlay.router.sip.ClientBranch;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

/** The stateful INVITE proxy between a recording exchange and scripted branches, time moved by hand. */
class InviteProxyTest {
    private static final SelfAddress SELF = new SelfAddress("127.0.0.1", 5070);
    private static final Duration RING = Duration.ofSeconds(30);
    private final VirtualScheduler time = new VirtualScheduler();
    private final List<Branch> branches = new ArrayList<>();
    private final List<Response> statelessUpstream = new ArrayList<>();

    /** A branch as the proxy started it: its request, its listener, and whether it was cancelled. */
    private static final class Branch {
        final Request request;
        final BranchListener listener;
        int cancels;

        Branch(Request request, BranchListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void answer(int status) {
            try {
                Response r = SipFactories.get().messages().createResponse(status, request);
                if (status > 100) ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("callee" + request.getRequestURI().hashCode());
                listener.onResponse(r);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final BranchSender sender = (request, listener) -> {
        Branch b = new Branch(request, listener);
        branches.add(b);
        return (ClientBranch) () -> b.cancels++;
    };

    private InviteProxy proxy(String... contacts) {
        TargetFinder finder = new TargetFinder() {
            @Override
            public boolean claims(Request request) {
                return true;
            }

            @Override
            public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
                List<Target> targets = new ArrayList<>();
                for (String c : contacts) {
                    try {
                        targets.add(Target.direct(SipFactories.get().addresses().createURI(c)));
                    } catch (ParseException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
                return CompletableFuture.completedFuture(new Routing.Forward(targets));
            }
        };
        ForwardedRequests copies = new ForwardedRequests(SELF);
        return new InviteProxy(List.of(finder), new InviteProxy.Parts(copies, new LoopGuard(copies), new RecordRoute(SELF),
                sender, statelessUpstream::add, new InviteContexts(time), time, RING));
    }

    private static RecordingExchange request(String method) {
        return RecordingExchange.of(method + " sip:bob@kad.lab SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-c1",
                "Max-Forwards: 70", "From: <sip:carol@pastry.lab>;tag=c", "To: <sip:bob@kad.lab>", "Call-ID: call-1",
                "CSeq: 1 " + method, "Content-Length: 0", "");
    }

    private static List<Integer> statuses(RecordingExchange exchange) {
        return exchange.sentSoFar().stream().map(Response::getStatusCode).toList();
    }

    @Test
    void forksAnswers100AtOnceAndTheFirst2xxWinsTheOtherBranchIsCancelled() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001", "sip:bob@127.0.0.1:6002");
        RecordingExchange invite = request("INVITE");
        assertTrue(proxy.handle(invite));
        assertEquals(List.of(100), statuses(invite));
        assertEquals(2, branches.size(), "one branch per contact");
        Request copy = branches.get(0).request;
        RecordRouteHeader rr = (RecordRouteHeader) copy.getHeader(RecordRouteHeader.NAME);
        assertNotNull(rr, "the copy is Record-Routed");
        assertEquals("sip:127.0.0.1:5070;transport=udp;lr", rr.getAddress().getURI().toString());
        assertEquals(69, ((MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());

        branches.get(0).answer(180);
        branches.get(1).answer(100);
        branches.get(1).answer(200);
        assertEquals(List.of(100, 180, 200), statuses(invite), "180 and 200 relayed, the branch's 100 not");
        Response ok = invite.sentSoFar().get(2);
        assertEquals(1, SipHeaders.all(ok, ViaHeader.NAME, ViaHeader.class).size(), "the proxy's Via is gone");
        assertEquals(1, branches.get(0).cancels, "the ringing branch is cancelled");
        assertEquals(0, branches.get(1).cancels);
        branches.get(0).answer(487);
        assertEquals(List.of(100, 180, 200), statuses(invite), "the cancelled branch's 487 stays here");
    }

    @Test
    void aSecond2xxFromAnotherForkGoesUpstreamToo() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001", "sip:bob@127.0.0.1:6002");
        RecordingExchange invite = request("INVITE");
        proxy.handle(invite);
        branches.get(0).answer(200);
        branches.get(1).answer(200);
        assertEquals(List.of(100, 200), statuses(invite));
        assertEquals(1, statelessUpstream.size(), "the caller sees both and ends the second call itself");
    }

    @Test
    void callerCancelIsAnswered200AndEveryBranchCancelledTheCalleesAnswerIs487() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001", "sip:bob@127.0.0.1:6002");
        RecordingExchange invite = request("INVITE");
        proxy.handle(invite);
        branches.get(0).answer(180);
        RecordingExchange cancel = request("CANCEL");
        assertTrue(proxy.handle(cancel));
        assertEquals(List.of(200), statuses(cancel));
        assertEquals(1, branches.get(0).cancels);
        assertEquals(0, branches.get(1).cancels, "no CANCEL before the branch has rung (RFC 3261 9.1)");
        branches.get(1).answer(100);
        assertEquals(1, branches.get(1).cancels, "cancelled as soon as it answers provisionally");
        branches.get(0).answer(487);
        branches.get(1).answer(487);
        assertEquals(List.of(100, 180, 487), statuses(invite));
    }

    @Test
    void aCancelForNothingUnderWayGets481() {
        RecordingExchange cancel = request("CANCEL");
        assertTrue(proxy("sip:bob@127.0.0.1:6001").handle(cancel));
        assertEquals(List.of(481), statuses(cancel));
    }

    @Test
    void aBranchRingingPastTheRingTimeoutIsCancelledAndCountsAs480() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001");
        RecordingExchange invite = request("INVITE");
        proxy.handle(invite);
        branches.get(0).answer(180);
        time.runFor(RING.toMillis() - 1);
        assertEquals(0, branches.get(0).cancels);
        branches.get(0).answer(183); // a provisional response starts the ring timeout again (Timer C)
        time.runFor(RING.toMillis() - 1);
        assertEquals(0, branches.get(0).cancels);
        time.runFor(1);
        assertEquals(1, branches.get(0).cancels);
        branches.get(0).answer(487);
        assertEquals(List.of(100, 180, 183, 480), statuses(invite));
    }

    @Test
    void aBranchThatNeverAnswersCountsAs408AndA6xxBeatsA4xx() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001", "sip:bob@127.0.0.1:6002", "sip:bob@127.0.0.1:6003");
        RecordingExchange invite = request("INVITE");
        proxy.handle(invite);
        branches.get(0).listener.onTimeout();
        branches.get(1).answer(180);
        branches.get(2).answer(603);
        assertEquals(1, branches.get(1).cancels, "a 6xx cancels the branches still pending");
        branches.get(1).answer(487);
        assertEquals(List.of(100, 180, 603), statuses(invite));

        InviteProxy alone = proxy("sip:bob@127.0.0.1:6004");
        RecordingExchange unanswered = request("INVITE");
        alone.handle(unanswered);
        branches.get(3).listener.onTimeout();
        assertEquals(List.of(100, 408), statuses(unanswered));
    }

    @Test
    void aRetransmittedInviteAfterThe2xxIsAbsorbedNotForwardedAgain() {
        InviteProxy proxy = proxy("sip:bob@127.0.0.1:6001");
        RecordingExchange invite = request("INVITE");
        proxy.handle(invite);
        branches.get(0).answer(200);
        RecordingExchange again = request("INVITE");
        assertTrue(proxy.handle(again));
        assertEquals(1, branches.size());
        assertEquals(List.of(), statuses(again));
        time.runFor(InviteContexts.TIMER_L_MILLIS);
        RecordingExchange later = request("INVITE");
        proxy.handle(later);
        assertEquals(2, branches.size(), "after Timer L the same branch is a new request");
    }
}
