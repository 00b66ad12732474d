package org.interlay.router.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.router.testing.ScriptedSender;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

/**
 * The proxy handler between a scripted finder and a scripted sender: forking, best response, failover.
 * Everything runs on the test's thread, in virtual time.
 */
class ProxyHandlerTest {
    private static final SelfAddress SELF = new SelfAddress("127.0.0.1", 5070);
    private static final FailoverPolicy QUICK = new FailoverPolicy(Duration.ofMillis(200), Duration.ofSeconds(3),
            Duration.ofSeconds(6), Duration.ofMillis(50), Duration.ofSeconds(7));
    private final VirtualScheduler time = new VirtualScheduler();
    private final ScriptedSender sender = new ScriptedSender();
    private final ForwardedRequests copies = new ForwardedRequests(SELF);

    private static RecordingExchange message() {
        return RecordingExchange.of("MESSAGE sip:bob@kad.lab SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-c1",
                "Max-Forwards: 70", "From: <sip:carol@pastry.lab>;tag=c", "To: <sip:bob@kad.lab>", "Call-ID: p1",
                "CSeq: 1 MESSAGE", "Content-Length: 0", "");
    }

    private static URI uri(String s) {
        try {
            return SipFactories.get().addresses().createURI(s);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A finder that routes to fixed contacts, or to whichever router {@code router} names at the time. */
    private static TargetFinder finder(boolean failover, AtomicReference<List<String>> targets) {
        return new TargetFinder() {
            @Override
            public boolean claims(Request request) {
                return true;
            }

            @Override
            public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
                List<Target> t = targets.get().stream().map(s -> failover
                        ? new Target(request.getRequestURI(), (SipURI) uri(s)) : Target.direct(uri(s))).toList();
                return CompletableFuture.completedFuture(new Routing.Forward(t));
            }

            @Override
            public boolean retriesFailedHops() {
                return failover;
            }
        };
    }

    private ProxyHandler proxy(TargetFinder finder, FailoverPolicy policy) {
        return new ProxyHandler(Set.of(Request.MESSAGE), finder, new StatefulRelay(sender, copies, time),
                new LoopGuard(copies), policy, time);
    }

    @Test
    void forksToEveryContactAndRelaysTheFirst2xxWithoutItsOwnVia() throws Exception {
        sender.answer("sip:bob@127.0.0.1:6001", 486).answer("sip:bob@127.0.0.1:6002", 200);
        RecordingExchange exchange = message();
        assertTrue(proxy(finder(false, new AtomicReference<>(List.of("sip:bob@127.0.0.1:6001", "sip:bob@127.0.0.1:6002"))),
                FailoverPolicy.DEFAULT).handle(exchange));
        var response = exchange.awaitResponse();
        assertEquals(200, response.getStatusCode());
        assertFalse(SELF.isSelf((ViaHeader) response.getHeader(ViaHeader.NAME)));
        assertEquals(2, sender.sent().size());
    }

    @Test
    void aDeadContactDoesNotDelayTheLiveOnes200() throws Exception {
        sender.later("sip:gus@127.0.0.1:6001"); // a shell that quit without unregistering
        sender.answer("sip:gus@127.0.0.1:6002", 200);
        RecordingExchange exchange = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:gus@127.0.0.1:6001", "sip:gus@127.0.0.1:6002"))),
                FailoverPolicy.DEFAULT).handle(exchange);
        assertEquals(200, exchange.sentSoFar().get(0).getStatusCode(), "answered at once, no time moved");
    }

    @Test
    void withoutA2xxTheBestResponseIsChosenAnd503Becomes500() throws Exception {
        sender.answer("sip:a@127.0.0.1:1", 486).answer("sip:b@127.0.0.1:2", 302).answer("sip:c@127.0.0.1:3", 503);
        RecordingExchange exchange = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:a@127.0.0.1:1", "sip:b@127.0.0.1:2", "sip:c@127.0.0.1:3"))),
                FailoverPolicy.DEFAULT).handle(exchange);
        assertEquals(302, exchange.awaitResponse().getStatusCode(), "3xx beats 4xx and 5xx");

        sender.answer("sip:d@127.0.0.1:4", 503);
        RecordingExchange only503 = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:d@127.0.0.1:4"))), FailoverPolicy.DEFAULT).handle(only503);
        assertEquals(500, only503.awaitResponse().getStatusCode());

        sender.answer("sip:e@127.0.0.1:5", 404).answer("sip:f@127.0.0.1:6", 603);
        RecordingExchange decline = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:e@127.0.0.1:5", "sip:f@127.0.0.1:6"))), FailoverPolicy.DEFAULT)
                .handle(decline);
        assertEquals(603, decline.awaitResponse().getStatusCode(), "a 6xx wins");
    }

    @Test
    void branchesThatAllTimeOutGetNo408() {
        sender.timeOut("sip:bob@127.0.0.1:6001");
        RecordingExchange exchange = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:bob@127.0.0.1:6001"))), FailoverPolicy.DEFAULT).handle(exchange);
        time.runFor(FailoverPolicy.TIMER_F.toMillis() * 2); // beyond every timer: a wrong answer would be out by now
        assertTrue(exchange.sentSoFar().isEmpty(), "RFC 4320: no 408 to a non-INVITE");
    }

    @Test
    void aBranchThatNeverAnswersTimesOutAfterTimerFWithNo408() {
        sender.later("sip:bob@127.0.0.1:6001");
        RecordingExchange exchange = message();
        proxy(finder(false, new AtomicReference<>(List.of("sip:bob@127.0.0.1:6001"))), FailoverPolicy.DEFAULT).handle(exchange);
        time.runFor(FailoverPolicy.TIMER_F.toMillis() + 1);
        assertEquals(0, time.pending(), "the branch has timed out");
        assertTrue(exchange.sentSoFar().isEmpty(), "RFC 4320: no 408 to a non-INVITE");
    }

    @Test
    void silentHopIsReplacedByTheNextRouterTheFinderNames() throws Exception {
        AtomicReference<List<String>> bridge = new AtomicReference<>(List.of("sip:127.0.0.1:7001"));
        CompletableFuture<Integer> deadRouter = sender.later("sip:127.0.0.1:7001");
        sender.answer("sip:127.0.0.1:7002", 200);
        RecordingExchange exchange = message();
        proxy(finder(true, bridge), QUICK).handle(exchange);
        assertEquals(1, sender.sent().size(), "first attempt sent");
        bridge.set(List.of("sip:127.0.0.1:7002")); // the standby takes the bridge over
        time.runFor(QUICK.hopPatience().toMillis() - 1);
        assertEquals(1, sender.sent().size(), "the first hop is given its patience");
        time.runFor(1 + QUICK.retryDelay().toMillis());
        assertEquals(200, exchange.awaitResponse().getStatusCode());
        assertTrue(sender.sent().get(sender.sent().size() - 1).getHeader("Route").toString().contains("7002"),
                "the request went through the standby");
        deadRouter.complete(500); // a late answer from the first attempt changes nothing
        time.runFor(FailoverPolicy.TIMER_F.toMillis()); // nor does any timer left
        assertTrue(exchange.sentSoFar().isEmpty(), "one answer only");
    }

    @Test
    void whenNoRouterAnswersTheRequestGets503WithRetryAfterWhenTheWindowEnds() throws Exception {
        CompletableFuture<Integer> deadRouter = sender.later("sip:127.0.0.1:7001");
        RecordingExchange exchange = message();
        proxy(finder(true, new AtomicReference<>(List.of("sip:127.0.0.1:7001"))), QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() - 1);
        assertTrue(exchange.sentSoFar().isEmpty(), "the router may still answer within the window");
        time.runFor(1);
        var response = exchange.awaitResponse();
        assertEquals(503, response.getStatusCode(), "answered when the window ends, not when the attempt times out");
        assertEquals("No router answers", response.getReasonPhrase());
        assertEquals(QUICK.retryAfterSeconds(), retryAfter(response));
        assertEquals(1, sender.sent().size(), "a hop already suspected is not tried again");
        deadRouter.complete(200); // an answer after the end is not heard
        time.runFor(FailoverPolicy.TIMER_F.toMillis());
        assertTrue(exchange.sentSoFar().isEmpty(), "one answer only");
    }

    @Test
    void anAttemptThroughAStandbyNamedJustBeforeTheEndIsGivenItsPatience() throws Exception {
        AtomicReference<List<String>> bridge = new AtomicReference<>(List.of("sip:127.0.0.1:7001"));
        sender.later("sip:127.0.0.1:7001");
        CompletableFuture<Integer> standby = sender.later("sip:127.0.0.1:7002");
        RecordingExchange exchange = message();
        proxy(finder(true, bridge), QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() - QUICK.hopPatience().toMillis() / 2);
        bridge.set(List.of("sip:127.0.0.1:7002")); // the standby took the bridge over late
        time.runFor(QUICK.retryDelay().toMillis());
        assertEquals(2, sender.sent().size(), "sent through the standby");
        time.runFor(QUICK.hopPatience().toMillis() / 2);
        assertTrue(exchange.sentSoFar().isEmpty(), "the window is over, but the standby is still within its patience");
        standby.complete(200);
        assertEquals(200, exchange.awaitResponse().getStatusCode());
    }

    @Test
    void aStandbyThatDoesNotAnswerEitherEndsTheRequestAtTheEndOfItsPatience() throws Exception {
        AtomicReference<List<String>> bridge = new AtomicReference<>(List.of("sip:127.0.0.1:7001"));
        sender.later("sip:127.0.0.1:7001");
        sender.later("sip:127.0.0.1:7002");
        RecordingExchange exchange = message();
        proxy(finder(true, bridge), QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() - QUICK.hopPatience().toMillis() / 2);
        bridge.set(List.of("sip:127.0.0.1:7002"));
        time.runFor(QUICK.hopPatience().toMillis() + QUICK.retryDelay().toMillis());
        var response = exchange.awaitResponse();
        assertEquals(503, response.getStatusCode());
        assertEquals(QUICK.retryAfterSeconds(), retryAfter(response));
    }

    @Test
    void whileAStandbyIsTakingOverTheRequestWaitsForItBeyondTheWindow() throws Exception {
        AtomicReference<Routing> routing = new AtomicReference<>(new Routing.NoHopYet("Router r1 bridging to kad.lab is gone"));
        sender.answer("sip:127.0.0.1:7002", 200);
        RecordingExchange exchange = message();
        proxy(switchingFinder(routing), QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() + 500);
        assertTrue(exchange.sentSoFar().isEmpty(), "a takeover under way is waited for");
        assertTrue(sender.sent().isEmpty(), "nothing sent to a router that is gone");
        routing.set(new Routing.Forward(List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7002")))));
        time.runFor(QUICK.retryDelay().toMillis());
        assertEquals(200, exchange.awaitResponse().getStatusCode());
    }

    @Test
    void aTakeoverThatDoesNotCompleteWithinItsWindowIs503WithTheFindersReason() throws Exception {
        RecordingExchange exchange = message();
        proxy(switchingFinder(new AtomicReference<>(new Routing.NoHopYet("Router r1 bridging to kad.lab is gone"))), QUICK)
                .handle(exchange);
        assertRefusedWhenTheTakeoverWindowEnds(exchange, "Router r1 bridging to kad.lab is gone");
    }

    @Test
    void onceATakeoverWasSeenAStandbySlowToAnswerIsWaitedForBeyondTheWindow() throws Exception {
        AtomicReference<Routing> routing = new AtomicReference<>(
                new Routing.Forward(List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7001")))));
        sender.later("sip:127.0.0.1:7001"); // the router dies with the request
        CompletableFuture<Integer> standby = sender.later("sip:127.0.0.1:7002");
        RecordingExchange exchange = message();
        proxy(switchingFinder(routing), QUICK).handle(exchange);
        routing.set(new Routing.NoHopYet("Router r1 bridging to kad.lab does not answer"));
        time.runFor(QUICK.window().toMillis() - 500);
        routing.set(new Routing.Forward(List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7002")))));
        time.runFor(QUICK.retryDelay().toMillis());
        assertEquals(2, sender.sent().size(), "sent through the standby once its record is there");
        time.runFor(500 + QUICK.hopPatience().toMillis());
        assertTrue(exchange.sentSoFar().isEmpty(), "past the window and the standby's patience: the takeover window holds");
        standby.complete(200); // the standby answers late: its overlays were re-forming too
        assertEquals(200, exchange.awaitResponse().getStatusCode());
    }

    @Test
    void aReadingStillUnderWayWhenTheWindowEndsIsWaitedForAsATakeover() throws Exception {
        CompletableFuture<Routing> slowReading = new CompletableFuture<>(); // the overlay re-forms: a lookup takes seconds
        java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();
        TargetFinder finder = failingOverFinder(() -> readings.getAndIncrement() > 0 ? slowReading
                : CompletableFuture.completedFuture(new Routing.Forward(
                        List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7001"))))));
        sender.answer("sip:127.0.0.1:7001", 503); // the router answered 503 as it died
        sender.answer("sip:127.0.0.1:7002", 200);
        RecordingExchange exchange = message();
        proxy(finder, QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() + 500);
        assertTrue(exchange.sentSoFar().isEmpty(), "a reading under way at the window's end is waited for");
        slowReading.complete(new Routing.Forward(List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7002")))));
        assertEquals(200, exchange.awaitResponse().getStatusCode(), "through the standby the reading named");
    }

    @Test
    void anOverlayThatCannotBeReadIsAskedAgainUntilItAnswers() throws Exception {
        AtomicReference<Routing> routing = new AtomicReference<>(); // null: the lookup fails
        sender.answer("sip:127.0.0.1:7002", 200);
        RecordingExchange exchange = message();
        proxy(switchingFinder(routing), QUICK).handle(exchange);
        time.runFor(QUICK.window().toMillis() + 500);
        assertTrue(exchange.sentSoFar().isEmpty(), "a lookup that failed is no answer: the overlay is re-forming");
        routing.set(new Routing.Forward(List.of(new Target(uri("sip:bob@kad.lab"), (SipURI) uri("sip:127.0.0.1:7002")))));
        time.runFor(QUICK.retryDelay().toMillis());
        assertEquals(200, exchange.awaitResponse().getStatusCode());
        assertEquals(1, sender.sent().size(), "sent once, when the overlay answered");
        assertTrue(sender.sent().get(0).getHeader("Route").toString().contains("7002"), sender.sent().get(0).toString());
    }

    @Test
    void anOverlayThatStaysUnreadableIs503OverlayUnreachableWhenTheTakeoverWindowEnds() throws Exception {
        RecordingExchange exchange = message();
        proxy(switchingFinder(new AtomicReference<>()), QUICK).handle(exchange);
        assertRefusedWhenTheTakeoverWindowEnds(exchange, "Overlay unreachable");
    }

    @Test
    void withoutFailoverAnOverlayThatCannotBeReadIs503AtOnce() throws Exception {
        TargetFinder once = new TargetFinder() {
            @Override
            public boolean claims(Request request) {
                return true;
            }

            @Override
            public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
                return CompletableFuture.failedFuture(new IllegalStateException("lookup failed"));
            }
        };
        RecordingExchange exchange = message();
        proxy(once, QUICK).handle(exchange);
        var response = exchange.awaitResponse();
        assertEquals(503, response.getStatusCode());
        assertEquals("Overlay unreachable", response.getReasonPhrase());
    }

    @Test
    void theDefaultPolicyAnswersWithinFiveSecondsOfTheRequest() {
        FailoverPolicy p = FailoverPolicy.DEFAULT;
        assertTrue(p.window().plus(p.hopPatience()).compareTo(Duration.ofSeconds(5)) <= 0, p.toString());
        assertTrue(p.retryDelay().compareTo(Duration.ofSeconds(2)) <= 0, "the group's word is read within 2 s: " + p);
    }

    /** A failing-over finder that answers whatever {@code routing} holds at the time; while it holds null, its lookup fails. */
    private static TargetFinder switchingFinder(AtomicReference<Routing> routing) {
        return failingOverFinder(() -> {
            Routing now = routing.get();
            return now == null ? CompletableFuture.failedFuture(new IllegalStateException("lookup failed: no path answered"))
                    : CompletableFuture.completedFuture(now);
        });
    }

    /** A finder of a proxy that fails over, each reading being the next of {@code readings}. */
    private static TargetFinder failingOverFinder(java.util.function.Supplier<CompletableFuture<Routing>> readings) {
        return new TargetFinder() {
            @Override
            public boolean claims(Request request) {
                return true;
            }

            @Override
            public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
                return readings.get();
            }

            @Override
            public boolean retriesFailedHops() {
                return true;
            }
        };
    }

    /** Nothing is sent and nothing answered until the takeover window ends; then 503 with {@code reason} and Retry-After. */
    private void assertRefusedWhenTheTakeoverWindowEnds(RecordingExchange exchange, String reason) throws Exception {
        time.runFor(QUICK.takeover().toMillis() - 1);
        assertTrue(exchange.sentSoFar().isEmpty());
        time.runFor(1);
        var response = exchange.awaitResponse();
        assertEquals(503, response.getStatusCode());
        assertEquals(reason, response.getReasonPhrase());
        assertEquals(QUICK.retryAfterSeconds(), retryAfter(response));
        assertTrue(sender.sent().isEmpty());
    }

    private static int retryAfter(javax.sip.message.Response response) {
        RetryAfterHeader header = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
        assertNotNull(header, "a 503 carries Retry-After");
        return header.getRetryAfter();
    }

    @Test
    void whenTheFinderKnowsNoRouterIsLeftTheRequestIsAnsweredAtOnceNotAfterTheWindow() throws Exception {
        sender.later("sip:127.0.0.1:7001"); // the last router dies with the request
        AtomicReference<Boolean> routerLeft = new AtomicReference<>(true);
        TargetFinder finder = new TargetFinder() {
            @Override
            public boolean claims(Request request) {
                return true;
            }

            @Override
            public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
                return CompletableFuture.completedFuture(routerLeft.get()
                        ? new Routing.Forward(List.of(new Target(request.getRequestURI(), (SipURI) uri("sip:127.0.0.1:7001"))))
                        : new Routing.Refuse(503, "No router bridges to kad.lab", 0, true));
            }

            @Override
            public boolean retriesFailedHops() {
                return true;
            }
        };
        RecordingExchange exchange = message();
        proxy(finder, QUICK).handle(exchange);
        routerLeft.set(false); // discovery sees the router go
        time.runFor(QUICK.hopPatience().toMillis() + QUICK.retryDelay().toMillis());
        var response = exchange.awaitResponse();
        assertEquals(503, response.getStatusCode());
        assertEquals("No router bridges to kad.lab", response.getReasonPhrase());
        assertEquals(QUICK.retryAfterSeconds(), retryAfter(response), "the policy's Retry-After when the finder gives none");
        time.runFor(FailoverPolicy.TIMER_F.toMillis());
        assertTrue(exchange.sentSoFar().isEmpty(), "one answer only");
    }

    @Test
    void aLateAnswerWithinTheWindowStillWins() throws Exception {
        CompletableFuture<Integer> slowRouter = sender.later("sip:127.0.0.1:7001");
        RecordingExchange exchange = message();
        proxy(finder(true, new AtomicReference<>(List.of("sip:127.0.0.1:7001"))), QUICK).handle(exchange);
        time.runFor(QUICK.hopPatience().toMillis() * 5); // suspected, no other router known
        assertTrue(exchange.sentSoFar().isEmpty());
        slowRouter.complete(200);
        assertEquals(200, exchange.awaitResponse().getStatusCode());
    }
}
