package org.interlay.router.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.router.testing.ScriptedSender;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions and publications lapse in time: the presence agent between an in-memory overlay and a
 * scripted sender, on the test's thread, with the clock moved by hand.
 */
class PresenceExpiryTest {
    private static final ExpiryPolicy SHORT = new ExpiryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2));
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String WATCHER = "sip:w@127.0.0.1:6001";

    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock wall = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOverlay overlay = new InMemoryOverlay("chord", time);
    private final PresenceStore store = new PresenceStore(overlay, wall);
    private final ScriptedSender sender = new ScriptedSender();
    private PresenceAgent agent;

    @BeforeEach
    void start() throws Exception {
        sender.answer(WATCHER, 200);
        SipURI contact = SipFactories.get().addresses().createSipURI(null, "127.0.0.1:5070");
        agent = new PresenceAgent(d -> d.equals("chord.lab") ? Optional.of(store) : Optional.empty(), SHORT, sender,
                new SelfAddress("127.0.0.1", 5070), contact, wall, time, POLL);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static RecordingExchange subscribe(String toTag, int cseq, int expires) {
        return RecordingExchange.of("SUBSCRIBE sip:bob@chord.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:6001;branch=z9hG4bK-s" + cseq, "Max-Forwards: 70",
                "From: <sip:w@chord.lab>;tag=w1", "To: <sip:bob@chord.lab>" + (toTag == null ? "" : ";tag=" + toTag),
                "Call-ID: sub-1", "CSeq: " + cseq + " SUBSCRIBE", "Contact: <" + WATCHER + ">", "Event: presence",
                "Expires: " + expires, "Content-Length: 0", "");
    }

    private Response answer(RecordingExchange exchange) throws InterruptedException {
        assertTrue(agent.subscribeHandler().handle(exchange));
        return exchange.awaitResponse();
    }

    private List<String> notifyStates() {
        return sender.sent().stream().filter(r -> r.getMethod().equals(Request.NOTIFY))
                .map(r -> ((SubscriptionStateHeader) r.getHeader(SubscriptionStateHeader.NAME)).getState()
                        + reason((SubscriptionStateHeader) r.getHeader(SubscriptionStateHeader.NAME)))
                .toList();
    }

    private static String reason(SubscriptionStateHeader h) {
        return h.getReasonCode() == null ? "" : ";reason=" + h.getReasonCode();
    }

    @Test
    void aSubscriptionNotRefreshedEndsWithATimeoutNotifyOnceItsTimeIsOver() throws Exception {
        assertEquals(200, answer(subscribe(null, 1, 1)).getStatusCode());
        time.runFor(0);
        assertEquals(List.of("active"), notifyStates(), "the current state at once");
        time.runFor(999);
        assertEquals(1, agent.subscriptions(), "alive until its second is over");
        time.runFor(POLL.toMillis() + 1);
        assertEquals(0, agent.subscriptions());
        assertEquals(List.of("active", "terminated;reason=timeout"), notifyStates());
    }

    @Test
    void aRefreshedSubscriptionOutlivesItsFirstExpiry() throws Exception {
        Response ok = answer(subscribe(null, 1, 2));
        String toTag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
        for (int cseq = 2; cseq <= 5; cseq++) {
            time.runFor(1_500);
            assertEquals(200, answer(subscribe(toTag, cseq, 2)).getStatusCode());
            assertEquals(1, agent.subscriptions(), "still subscribed after refreshes");
        }
        time.runFor(2_000 + POLL.toMillis());
        assertEquals(0, agent.subscriptions(), "ends two seconds after the last refresh");
        assertEquals("terminated;reason=timeout", notifyStates().get(notifyStates().size() - 1));
    }

    @Test
    void aPublicationLapsesAtItsExpiry() throws Exception {
        byte[] pidf = PidfCodec.format(PresenceDocument.of("pres:bob@chord.lab", PresenceDocument.Basic.OPEN, "here"));
        store.publish("sip:bob@chord.lab", null, pidf, 5);
        time.runFor(0);
        var live = store.read("sip:bob@chord.lab");
        time.runFor(0);
        assertTrue(live.join().isPresent());
        time.runFor(4_999);
        var stillLive = store.read("sip:bob@chord.lab");
        time.runFor(0);
        assertTrue(stillLive.join().isPresent());
        time.runFor(1);
        var lapsed = store.read("sip:bob@chord.lab");
        time.runFor(0);
        assertTrue(lapsed.join().isEmpty());
    }
}
