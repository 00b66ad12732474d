package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawPhone;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls between phones written as raw SIP, through the agents of a Chord and a Kademlia overlay (real
 * nodes on UDP loopback) and the router that bridges them: set-up, forking, CANCEL, no answer, and
 * requests inside a call that follow its Record-Route whatever the location service says later.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CallThroughAgentsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(2);
    private static OverlayLab lab;
    private static Router router;

    @BeforeAll
    static void startLab() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("kad.lab", "kademlia")), 3,
                AgentPolicies.STANDARD.withRingTimeout(RING_TIMEOUT));
        router = lab.startRouter("r1", new SoleBridgeCoordinator());
        lab.awaitBridge("chord.lab", "kad.lab", "r1", Duration.ofSeconds(20));
        lab.awaitBridge("kad.lab", "chord.lab", "r1", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) lab.close();
    }

    private static InetSocketAddress agent(String domain) {
        return lab.agent(domain).sipAddress();
    }

    private static String uri(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** INVITE / 100 / 180 / 200 / ACK, then a BYE from {@code byeFromCallee}'s side and its 200. */
    private static void callAndHangUp(RawPhone caller, RawPhone callee, boolean byeFromCallee, List<String> proxies) {
        RawPhone.Dialog call = caller.invite(callee.aor(), agent(caller.aor().substring(caller.aor().indexOf('@') + 1)));
        caller.awaitResponse(call, 100, WAIT);
        SipText invite = callee.awaitRequest("INVITE", WAIT);
        assertEquals(caller.sdp(), invite.body(), "the offer reaches the callee as sent");
        List<String> recordRoutes = String.join(",", invite.headers("Record-Route")).lines().toList();
        for (String proxy : proxies) {
            assertTrue(String.join(",", recordRoutes).contains(proxy + ";transport=udp;lr"),
                    proxy + " Record-Routes with its transport: " + recordRoutes);
        }
        callee.answer(invite, 180, "Ringing");
        caller.awaitResponse(call, 180, WAIT);
        RawPhone.Dialog answered = callee.answer(invite, 200, "OK");
        SipText ok = caller.awaitResponse(call, 200, WAIT);
        assertEquals(callee.sdp(), ok.body(), "the answer reaches the caller as sent");
        assertEquals(proxies.size(), call.routeSet().size(), "route set " + call.routeSet());
        caller.ack(call);
        SipText ack = callee.awaitRequest("ACK", WAIT);
        assertEquals(callee.contact(), ack.requestUri(), "the ACK goes to the callee's contact");
        if (byeFromCallee) {
            callee.request(answered, "BYE");
            SipText bye = caller.awaitRequest("BYE", WAIT);
            caller.respond(bye, 200, "OK");
            assertEquals(200, callee.awaitFinal(answered, "BYE", WAIT).status());
        } else {
            caller.request(call, "BYE");
            SipText bye = callee.awaitRequest("BYE", WAIT);
            callee.respond(bye, 200, "OK");
            assertEquals(200, caller.awaitFinal(call, "BYE", WAIT).status());
        }
    }

    @Test
    void callWithinOneOverlayGoesThroughItsAgent() {
        try (RawPhone alice = RawPhone.open("alice1", "chord.lab"); RawPhone bob = RawPhone.open("bob1", "chord.lab")) {
            bob.register(agent("chord.lab"), 300, WAIT);
            callAndHangUp(alice, bob, false, List.of(uri(agent("chord.lab"))));
        }
    }

    @Test
    void reInviteAndInfoInsideACallFollowTheRouteSet() {
        try (RawPhone alice = RawPhone.open("alice8", "chord.lab"); RawPhone bob = RawPhone.open("bob8", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(bob.aor(), agent("chord.lab"));
            bob.answer(bob.awaitRequest("INVITE", WAIT), 200, "OK");
            alice.awaitResponse(call, 200, WAIT);
            alice.ack(call);
            bob.awaitRequest("ACK", WAIT);

            alice.request(call, "INVITE");
            SipText reInvite = bob.awaitRequest("INVITE", WAIT);
            assertEquals(bob.contact(), reInvite.requestUri(), "the re-INVITE goes to the remote target");
            assertEquals(2, reInvite.viaCount() - 1, "through the agent and the router: " + reInvite.headers("Via"));
            bob.answer(reInvite, 200, "OK");
            alice.awaitResponse(call, 100, WAIT);
            alice.awaitResponse(call, 200, WAIT);
            alice.ack(call);
            bob.awaitRequest("ACK", WAIT);
            alice.request(call, "INFO");
            bob.respond(bob.awaitRequest("INFO", WAIT), 200, "OK");
            assertEquals(200, alice.awaitFinal(call, "INFO", WAIT).status());
            alice.request(call, "BYE");
            bob.respond(bob.awaitRequest("BYE", WAIT), 200, "OK");
            assertEquals(200, alice.awaitFinal(call, "BYE", WAIT).status());
        }
    }

    @Test
    void callAcrossOverlaysGoesThroughAgentAndRouterBothWays() {
        try (RawPhone alice = RawPhone.open("alice2", "chord.lab"); RawPhone bob = RawPhone.open("bob2", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            alice.register(agent("chord.lab"), 300, WAIT);
            callAndHangUp(alice, bob, true, List.of(uri(agent("chord.lab")), uri(router.sipAddress())));
            callAndHangUp(bob, alice, false, List.of(uri(agent("kad.lab")), uri(router.sipAddress())));
        }
    }

    @Test
    void byeIsForwardedWithoutStateSoAByeRetransmittedAfterIts200ReachesTheFarEndAgain() {
        try (RawPhone alice = RawPhone.open("alice9", "chord.lab"); RawPhone bob = RawPhone.open("bob9", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(bob.aor(), agent("chord.lab"));
            RawPhone.Dialog answered = bob.answer(bob.awaitRequest("INVITE", WAIT), 200, "OK");
            alice.awaitResponse(call, 200, WAIT);
            alice.ack(call);
            bob.awaitRequest("ACK", WAIT);

            // bob's first hop is the router, then alice's agent: neither keeps a transaction for the BYE
            bob.request(answered, "BYE");
            SipText bye = alice.awaitRequest("BYE", WAIT);
            alice.respond(bye, 200, "OK");
            assertEquals(200, bob.awaitFinal(answered, "BYE", WAIT).status());
            // as if the 200 had been lost: a stateful proxy would answer the copy from its transaction
            bob.retransmitLastRequest();
            SipText copy = alice.awaitRequestOrCopy("BYE", WAIT);
            assertEquals(bye.headers("Via"), copy.headers("Via"), "the retransmission goes on with the same branches");
            alice.respond(copy, 200, "OK");
            assertEquals(200, bob.awaitFinal(answered, "BYE", WAIT).status());
        }
    }

    @Test
    void forkedCallIsWonByTheFirst200AndTheOtherContactIsCancelled() {
        try (RawPhone alice = RawPhone.open("alice3", "chord.lab"); RawPhone desk = RawPhone.open("bob3", "kad.lab");
             RawPhone mobile = RawPhone.open("bob3", "kad.lab")) {
            desk.register(agent("kad.lab"), 300, WAIT);
            mobile.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(desk.aor(), agent("chord.lab"));
            SipText atDesk = desk.awaitRequest("INVITE", WAIT);
            SipText atMobile = mobile.awaitRequest("INVITE", WAIT);
            desk.answer(atDesk, 180, "Ringing");
            mobile.answer(atMobile, 180, "Ringing");
            alice.awaitResponse(call, 180, WAIT);
            mobile.answer(atMobile, 200, "OK");
            SipText ok = alice.awaitResponse(call, 200, WAIT);
            assertTrue(ok.header("Contact").orElseThrow().contains(Integer.toString(mobile.port())), "the mobile won");
            SipText cancel = desk.awaitRequest("CANCEL", WAIT);
            desk.respond(cancel, 200, "OK");
            desk.answer(atDesk, 487, "Request Terminated");
            SipText hopAck = desk.awaitRequest("ACK", WAIT);
            assertEquals(atDesk.requestUri(), hopAck.requestUri(), "the proxy acknowledges the 487 itself, hop by hop");
            alice.ack(call);
            mobile.awaitRequest("ACK", WAIT);
            assertFalse(alice.receivesResponse(call, 487, Duration.ofMillis(300)), "the losing branch's 487 stays in the proxy");
            alice.request(call, "BYE");
            mobile.respond(mobile.awaitRequest("BYE", WAIT), 200, "OK");
            assertEquals(200, alice.awaitFinal(call, "BYE", WAIT).status());
        }
    }

    @Test
    void callerCancelsWhileRingingAndGets487() {
        try (RawPhone alice = RawPhone.open("alice4", "chord.lab"); RawPhone bob = RawPhone.open("bob4", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(bob.aor(), agent("chord.lab"));
            SipText invite = bob.awaitRequest("INVITE", WAIT);
            bob.answer(invite, 180, "Ringing");
            alice.awaitResponse(call, 180, WAIT);
            alice.cancel(call);
            assertEquals(200, alice.awaitFinal(call, "CANCEL", WAIT).status(), "the CANCEL is answered 200 hop by hop");
            SipText cancel = bob.awaitRequest("CANCEL", WAIT);
            bob.respond(cancel, 200, "OK");
            bob.answer(invite, 487, "Request Terminated");
            SipText terminated = alice.awaitFinal(call, "INVITE", WAIT);
            assertEquals(487, terminated.status());
            alice.ackFailure(call, terminated);
        }
    }

    @Test
    void cancelAfterTheFinalAnswerHasNoEffectAndCancelForNothingKnownGets481() {
        try (RawPhone alice = RawPhone.open("alice5", "chord.lab")) {
            RawPhone.Dialog refused = alice.invite("sip:nobody@chord.lab", agent("chord.lab"));
            assertEquals(404, alice.awaitFinal(refused, "INVITE", WAIT).status(), "nobody is registered");
            alice.cancel(refused);
            assertEquals(200, alice.awaitFinal(refused, "CANCEL", WAIT).status(), "RFC 3261 9.2: 200, and no effect");
            RawPhone.Dialog never = alice.unsentInvite("sip:nobody@chord.lab", agent("chord.lab"));
            alice.cancel(never);
            assertEquals(481, alice.awaitFinal(never, "CANCEL", WAIT).status());
        }
    }

    @Test
    void callRingingUnansweredIsCancelledAndTheCallerGets480() {
        try (RawPhone alice = RawPhone.open("alice6", "chord.lab"); RawPhone bob = RawPhone.open("bob6", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(bob.aor(), agent("chord.lab"));
            SipText invite = bob.awaitRequest("INVITE", WAIT);
            bob.answer(invite, 180, "Ringing");
            SipText cancel = bob.awaitRequest("CANCEL", RING_TIMEOUT.plus(WAIT));
            bob.respond(cancel, 200, "OK");
            bob.answer(invite, 487, "Request Terminated");
            SipText noAnswer = alice.awaitFinal(call, "INVITE", WAIT);
            assertEquals(480, noAnswer.status(), noAnswer.firstLine());
        }
    }

    @Test
    void byeFollowsTheRouteSetAfterTheCalleesBindingChanged() {
        try (RawPhone alice = RawPhone.open("alice7", "chord.lab"); RawPhone bob = RawPhone.open("bob7", "kad.lab");
             RawPhone bobElsewhere = RawPhone.open("bob7", "kad.lab")) {
            bob.register(agent("kad.lab"), 300, WAIT);
            RawPhone.Dialog call = alice.invite(bob.aor(), agent("chord.lab"));
            SipText invite = bob.awaitRequest("INVITE", WAIT);
            bob.answer(invite, 200, "OK");
            alice.awaitResponse(call, 200, WAIT);
            alice.ack(call);
            bob.awaitRequest("ACK", WAIT);

            bob.register(agent("kad.lab"), 0, WAIT); // bob's contact is gone from the location service
            bobElsewhere.register(agent("kad.lab"), 300, WAIT);
            alice.request(call, "UPDATE");
            bob.respond(bob.awaitRequest("UPDATE", WAIT), 200, "OK");
            assertEquals(200, alice.awaitFinal(call, "UPDATE", WAIT).status());
            alice.request(call, "BYE");
            bob.respond(bob.awaitRequest("BYE", WAIT), 200, "OK");
            assertEquals(200, alice.awaitFinal(call, "BYE", WAIT).status());
            assertFalse(bobElsewhere.receivesRequest("BYE", Duration.ofMillis(300)), "the new binding is not rung");
        }
    }
}
