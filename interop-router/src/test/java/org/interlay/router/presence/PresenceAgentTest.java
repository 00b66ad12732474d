package org.interlay.router.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.AgentPolicies;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SharedVirtualTime;
import org.interlay.router.testing.SipText;
import org.interlay.router.ua.PresenceNotification;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PUBLISH, SUBSCRIBE and NOTIFY at one agent, over an in-memory overlay, with short expiries. The agent
 * and the user agents share one virtual time, which the test moves: expiries and refreshes happen when
 * it says, however long the SIP stacks take.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PresenceAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ExpiryPolicy SHORT = new ExpiryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2));

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord");
    private final SharedVirtualTime time = new SharedVirtualTime();
    private PeerAgent agent;
    private InetSocketAddress agentAddress;
    private UserAgent alice;
    private UserAgent bob;
    private final BlockingQueue<PresenceNotification> aliceSees = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        AgentPolicies policies = AgentPolicies.STANDARD.withExpiry(ExpiryPolicy.STANDARD, SHORT)
                .withPresencePoll(Duration.ofMillis(200));
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0).withPolicies(policies), time);
        agentAddress = agent.sipAddress();
        alice = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", agentAddress), time);
        bob = UserAgent.start(UserAgentConfig.of("sip:bob@chord.lab", agentAddress), time);
        alice.onPresence(aliceSees::add);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        agent.close();
        overlay.halt();
    }

    @Test
    void subscriberGetsTheCurrentStateThenEachChange() throws Exception {
        assertTrue(bob.publishPresence(PresenceDocument.Basic.OPEN, "at my desk", Duration.ofSeconds(30))
                .get(5, TimeUnit.SECONDS).isSuccess());
        PresenceSubscription s = alice.subscribe("sip:bob@chord.lab", Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
        PresenceNotification first = time.take(aliceSees, n -> n.document() != null, WAIT, "first NOTIFY");
        assertEquals(PresenceDocument.Basic.OPEN, first.document().overall());
        assertEquals("at my desk", first.document().firstNote());

        bob.publishPresence(PresenceDocument.Basic.CLOSED, "gone home", Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
        PresenceNotification change = time.take(aliceSees,
                n -> n.document() != null && n.document().overall() == PresenceDocument.Basic.CLOSED, WAIT, "NOTIFY of the change");
        assertEquals("gone home", change.document().firstNote());
        assertTrue(s.isActive());
    }

    @Test
    void subscriptionIsRefreshedBeyondItsExpiryAndEndsWhenClosed() throws Exception {
        PresenceSubscription s = alice.subscribe("sip:bob@chord.lab", Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);
        time.await(() -> agent.subscriptions() == 1, WAIT, "subscription held");
        // granted 2 s, alice refreshes a second after each 200; 4.5 s of time in all, beyond two expiries
        for (int elapsed = 0; elapsed < 4_500; elapsed += 500) {
            int accepted = s.accepted();
            boolean refreshDue = elapsed % 1_000 == 500;
            time.runFor(500);
            if (refreshDue) {
                time.await(() -> s.accepted() > accepted, WAIT, "the refresh answered, the next one set");
            }
            assertEquals(1, agent.subscriptions(), "still subscribed after refreshes");
        }
        bob.publishPresence(PresenceDocument.Basic.OPEN, "still there?", Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
        time.take(aliceSees, n -> n.document() != null && "still there?".equals(n.document().firstNote()), WAIT,
                "NOTIFY after refreshes");
        s.close();
        time.take(aliceSees, n -> !n.active(), WAIT, "terminating NOTIFY");
        time.await(() -> agent.subscriptions() == 0, WAIT, "subscription removed");
    }

    @Test
    void subscriptionNotRefreshedEndsWithATimeoutNotify() throws Exception {
        try (RawSipPeer watcher = RawSipPeer.open()) {
            watcher.send(watcher.request("SUBSCRIBE", "sip:bob@chord.lab", "sip:w@chord.lab", "sip:bob@chord.lab", "s-exp", 1,
                    "Contact: <" + watcher.contact("w") + ">\r\nEvent: presence\r\nExpires: 1\r\n", ""), agentAddress);
            assertEquals(200, watcher.receiveResponse(WAIT).status());
            SipText active = next(watcher, "NOTIFY");
            assertTrue(active.header("Subscription-State").orElseThrow().startsWith("active"));
            watcher.answer(active, 200, "OK");
            time.runFor(1_000 + 200); // the second granted, and the agent's next look at its subscriptions
            SipText ended = next(watcher, "NOTIFY");
            assertEquals("terminated;reason=timeout", ended.header("Subscription-State").orElseThrow().replace(" ", ""));
            watcher.answer(ended, 200, "OK");
        }
    }

    private static SipText next(RawSipPeer peer, String method) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SipText m = peer.receive(WAIT);
            if (method.equals(m.method())) return m;
        }
        throw new AssertionError("no " + method);
    }

    @Test
    void publishIsRefusedForBadEventBadBodyAndStaleTag() {
        try (RawSipPeer p = RawSipPeer.open()) {
            String pidf = new String(PidfCodec.format(PresenceDocument.of("pres:bob@chord.lab", PresenceDocument.Basic.OPEN, null)),
                    StandardCharsets.UTF_8);
            assertEquals(489, publish(p, "Event: dialog\r\nContent-Type: application/pidf+xml\r\n", pidf).status());
            assertEquals(415, publish(p, "Event: presence\r\nContent-Type: text/plain\r\n", "open").status());
            assertEquals(400, publish(p, "Event: presence\r\nContent-Type: application/pidf+xml\r\n", "<presence>").status());
            assertEquals(400, publish(p, "Event: presence\r\nContent-Type: application/pidf+xml\r\n",
                    pidf.replace("bob@", "mallory@")).status(), "entity of someone else");
            assertEquals(400, publish(p, "Event: presence\r\n", "").status(), "initial PUBLISH without body");
            assertEquals(412, publish(p, "Event: presence\r\nSIP-If-Match: nosuchtag\r\n", "").status());
            SipText ok = publish(p, "Event: presence\r\nExpires: 20\r\nContent-Type: application/pidf+xml\r\n", pidf);
            assertEquals(200, ok.status());
            String etag = ok.header("SIP-ETag").orElseThrow();
            SipText refreshed = publish(p, "Event: presence\r\nSIP-If-Match: " + etag + "\r\nExpires: 20\r\n", "");
            assertEquals(200, refreshed.status());
            assertEquals(412, publish(p, "Event: presence\r\nSIP-If-Match: " + etag + "\r\n", "").status(),
                    "the tag was replaced by the refresh");
        }
    }

    private SipText publish(RawSipPeer p, String headers, String body) {
        p.send(p.request("PUBLISH", "sip:bob@chord.lab", "sip:bob@chord.lab", "sip:bob@chord.lab", "pub-" + System.nanoTime(), 1,
                headers, body), agentAddress);
        return p.receiveResponse(WAIT);
    }
}
