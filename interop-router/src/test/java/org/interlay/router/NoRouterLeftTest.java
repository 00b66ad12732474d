package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.Departure;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.router.bridge.Bridge;
import org.interlay.router.bridge.BridgeCodec;
import org.interlay.router.directory.DiscoveredRouters;
import org.interlay.router.proxy.FailoverPolicy;
import org.interlay.router.store.StoredRecords;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SharedVirtualTime;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer's agent (its JAIN-SIP stack on loopback) whose only router dies while requests cross it:
 * the router is a raw socket that reads requests and never answers, discovery is a directory the test
 * feeds as the group would, and the agent's timers run in virtual time that the test moves.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoRouterLeftTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final FailoverPolicy POLICY = FailoverPolicy.DEFAULT;

    private final InMemoryOverlay chord = new InMemoryOverlay("chord");
    private final OverlayDirectory discovery = new OverlayDirectory();
    private final SharedVirtualTime time = new SharedVirtualTime();
    private final List<SipText> atRouter = new ArrayList<>();
    private PeerAgent agent;
    private InetSocketAddress agentAddress;
    private RawSipPeer alice;
    private RawSipPeer router;
    private int calls;

    @BeforeEach
    void start() throws Exception {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        advertise("kad", "kad.lab", NodeRole.PEER, "p2");
        router = RawSipPeer.open();
        routerJoins("r1", router);
        agent = PeerAgent.start(chord, SipAgentConfig.defaults("chord.lab", 0), time, new DiscoveredRouters(discovery));
        agentAddress = agent.sipAddress();
        alice = RawSipPeer.open();
    }

    @AfterEach
    void stop() {
        agent.close();
        alice.close();
        router.close();
        chord.halt();
    }

    private void advertise(String overlay, String domain, NodeRole role, String id) {
        discovery.found(OverlayAdvert.of(overlay, Algorithm.named(overlay), domain, List.of(new HostPort("127.0.0.1", 4000)),
                List.of(new HostPort("127.0.0.1", 5060)), role, id), Source.JGROUPS);
    }

    /** The router joins both overlays and writes its bridge to kad.lab into chord, as a bridging router does. */
    private void routerJoins(String id, RawSipPeer peer) throws Exception {
        advertise("chord", "chord.lab", NodeRole.ROUTER, id);
        advertise("kad", "kad.lab", NodeRole.ROUTER, id);
        Bridge bridge = new Bridge("kad.lab", id, "sip:127.0.0.1:" + peer.port());
        chord.put(StoredRecords.create(chord, BridgeCodec.KIND, Bridge.recordName("kad.lab"), BridgeCodec.encode(bridge), id,
                Duration.ofMinutes(10), Optional.empty(), Instant.now())).get(5, TimeUnit.SECONDS);
    }

    /** The group's failure detector removes the router from the view. */
    private void groupSaysGone(String id) {
        discovery.expired(new AdvertKey("chord", id), Source.JGROUPS, Departure.FAILED);
        discovery.expired(new AdvertKey("kad", id), Source.JGROUPS, Departure.FAILED);
    }

    private String message() {
        calls++;
        return alice.request("MESSAGE", "sip:bob@kad.lab", "sip:alice@chord.lab", "sip:bob@kad.lab", "nr-" + calls, 1,
                "Content-Type: text/plain\r\n", "hello " + calls);
    }

    /** The next message {@code peer} receives that {@code wanted} accepts, running the agent's due timers meanwhile. */
    private SipText next(RawSipPeer peer, Predicate<SipText> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            time.runFor(0);
            Optional<SipText> m = peer.poll(Duration.ofMillis(5));
            if (m.isPresent() && peer == router) atRouter.add(m.get());
            if (m.isPresent() && wanted.test(m.get())) return m.get();
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }

    /** What reaches the router within {@code realTime} (its own retransmissions included). */
    private void drainRouter(Duration realTime) {
        long end = System.nanoTime() + realTime.toNanos();
        while (System.nanoTime() < end) {
            time.runFor(0);
            router.poll(Duration.ofMillis(5)).ifPresent(atRouter::add);
        }
    }

    /** The copies the router was sent, told apart by their branch (a retransmission keeps its branch). */
    private Set<String> branchesAtRouter() {
        Set<String> branches = new TreeSet<>();
        for (SipText m : atRouter) {
            if (!m.isResponse()) branches.add(m.headers("Via").get(0).replaceAll(".*branch=([^;]+).*", "$1"));
        }
        return branches;
    }

    private static int retryAfter(SipText response) {
        return Integer.parseInt(response.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After: " + response))
                .trim().split("[ ;(]")[0]);
    }

    @Test
    void aRouterThatStopsAnsweringGets503WithRetryAfterWhenTheWindowEndsAndRetransmissionsStayInTheTransaction() {
        String request = message();
        alice.send(request, agentAddress);
        next(router, m -> "MESSAGE".equals(m.method()), "the request at the router");
        alice.send(request, agentAddress); // the sender's retransmissions, as its Timer E fires
        alice.send(request, agentAddress);
        drainRouter(Duration.ofMillis(700));
        assertEquals(1, branchesAtRouter().size(), "retransmissions are absorbed, not forwarded again: " + branchesAtRouter());

        time.runFor(POLICY.window().toMillis() - 1);
        assertTrue(alice.poll(Duration.ofMillis(50)).isEmpty(), "within the window the router may still answer");
        time.runFor(1);
        SipText answer = next(alice, SipText::isResponse, "the answer at the window's end");
        assertEquals(503, answer.status());
        assertEquals(POLICY.retryAfterSeconds(), retryAfter(answer));

        alice.send(request, agentAddress); // a retransmission after the answer gets the same answer again
        assertEquals(503, next(alice, SipText::isResponse, "the answer repeated").status());
        drainRouter(Duration.ofMillis(300));
        assertEquals(1, branchesAtRouter().size(), "nothing more is sent towards the dead router");
    }

    @Test
    void whenTheGroupSaysTheRouterIsGoneMidRequestTheAnswerIsAtOnceAndLaterRequestsGetItWithoutASend() {
        String request = message();
        alice.send(request, agentAddress);
        next(router, m -> "MESSAGE".equals(m.method()), "the request at the router");
        time.runFor(POLICY.hopPatience().toMillis() / 2); // the router dies mid-request
        groupSaysGone("r1");
        // the finder is asked again when the attempt's patience ends, so at most patience + retry delay later
        time.runFor(POLICY.hopPatience().toMillis() + POLICY.retryDelay().toMillis());
        SipText answer = next(alice, SipText::isResponse, "the answer once the group has spoken");
        assertEquals(503, answer.status());
        assertEquals("No router bridges to kad.lab", answer.reason());
        assertEquals(POLICY.retryAfterSeconds(), retryAfter(answer));

        drainRouter(Duration.ofMillis(200));
        int before = branchesAtRouter().size();
        alice.send(message(), agentAddress);
        SipText later = next(alice, SipText::isResponse, "a later request's answer, without moving time");
        assertEquals(503, later.status());
        assertEquals(POLICY.retryAfterSeconds(), retryAfter(later));
        drainRouter(Duration.ofMillis(200));
        assertEquals(before, branchesAtRouter().size(), "the dead router is out of the agent's view");
    }

    @Test
    void whenARouterComesBackRequestsFlowAgain() throws Exception {
        groupSaysGone("r1");
        alice.send(message(), agentAddress);
        assertEquals(503, next(alice, SipText::isResponse, "refused while no router is there").status());

        try (RawSipPeer back = RawSipPeer.open()) {
            routerJoins("r2", back);
            alice.send(message(), agentAddress);
            long deadline = System.nanoTime() + WAIT.toNanos();
            Optional<SipText> delivered = Optional.empty();
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                time.runFor(0);
                delivered = back.poll(Duration.ofMillis(5));
            }
            assertTrue(delivered.isPresent(), "the request goes through the router that came back");
            back.answer(delivered.get(), 200, "OK");
            assertEquals(200, next(alice, SipText::isResponse, "the 200 relayed back").status());
        }
    }

    @Test
    void aStandbyTakingOverIsWaitedForWithoutSendingToTheRouterThatIsGone() throws Exception {
        try (RawSipPeer standby = RawSipPeer.open()) {
            advertise("chord", "chord.lab", NodeRole.ROUTER, "r2");
            advertise("kad", "kad.lab", NodeRole.ROUTER, "r2");
            groupSaysGone("r1"); // r2 is live in both overlays, the record still names r1
            alice.send(message(), agentAddress);
            time.runFor(POLICY.window().toMillis() / 2);
            drainRouter(Duration.ofMillis(100));
            assertTrue(branchesAtRouter().isEmpty(), "nothing sent to the router that is gone");
            routerJoins("r2", standby); // the standby writes its bridge
            time.runFor(POLICY.retryDelay().toMillis());
            long deadline = System.nanoTime() + WAIT.toNanos();
            Optional<SipText> delivered = Optional.empty();
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                time.runFor(0);
                delivered = standby.poll(Duration.ofMillis(5));
            }
            assertTrue(delivered.isPresent(), "the request waited for the standby's bridge and went through it");
        }
    }
}
