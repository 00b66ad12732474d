package org.interlay.router.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingSet;
import org.interlay.router.location.LocationService;
import org.interlay.router.proxy.FailoverPolicy;
import org.interlay.router.proxy.ForwardedRequests;
import org.interlay.router.proxy.LoopGuard;
import org.interlay.router.proxy.ProxyHandler;
import org.interlay.router.proxy.RegisteredContacts;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.router.testing.ScriptedSender;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.Test;

/**
 * The handler in front of the real proxy to registered contacts, on an in-memory overlay in virtual
 * time: 202 and a stored message for a user known but offline, the proxy's answers for everyone else.
 */
class OfflineMessageHandlerTest {
    private static final SelfAddress SELF = new SelfAddress("127.0.0.1", 5070);
    private static final String CONTACT = "sip:bob@127.0.0.1:6001";
    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock wall = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOverlay overlay = new InMemoryOverlay("kad", time);
    private final LocationService location = new LocationService(overlay, wall, Duration.ofHours(1), Duration.ZERO);
    private final OfflineMailbox mailbox = new OfflineMailbox(overlay, wall, time, new OfflineCounts());
    private final ScriptedSender sender = new ScriptedSender();
    private final ForwardedRequests copies = new ForwardedRequests(SELF);
    private final ProxyHandler proxy = new ProxyHandler(Set.of(Request.MESSAGE),
            new RegisteredContacts(d -> d.equals("kad.lab") ? Optional.of(location) : Optional.empty(), wall),
            new StatefulRelay(sender, copies, time), new LoopGuard(copies), FailoverPolicy.DEFAULT, time);
    private final OfflineMessageHandler handler = new OfflineMessageHandler(
            d -> d.equals("kad.lab") ? Optional.of(location) : Optional.empty(),
            d -> d.equals("kad.lab") ? Optional.of(mailbox) : Optional.empty(), proxy, wall);

    private static RecordingExchange message(String to, String callId) {
        return RecordingExchange.of("MESSAGE " + to + " SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-" + callId,
                "Max-Forwards: 70", "From: <sip:alice@chord.lab>;tag=a1", "To: <" + to + ">", "Call-ID: " + callId,
                "CSeq: 1 MESSAGE", "Content-Type: text/plain", "Content-Length: 7", "", "hello");
    }

    private void bind(String aor, long seconds) {
        AddressOfRecord a = AddressOfRecord.parse(aor);
        CompletableFuture<BindingSet> done = location.update(a, (current, now) ->
                new BindingSet(a, List.of(new Binding(CONTACT, now.plusSeconds(seconds), 1000, "reg-1", 1))));
        time.runFor(10);
        assertTrue(done.isDone());
    }

    private Response answer(RecordingExchange exchange) {
        assertTrue(handler.handle(exchange));
        time.runFor(1_000);
        List<Response> sent = exchange.sentSoFar();
        assertEquals(1, sent.size(), "one answer");
        return sent.get(0);
    }

    private int waiting(String aor) {
        CompletableFuture<List<MailboxIndex.Entry>> w = mailbox.waiting(AddressOfRecord.parse(aor));
        time.runFor(10);
        return w.join().size();
    }

    @Test
    void aMessageToAKnownUserWithNoLiveContactIsStoredAndAccepted() {
        bind("bob@kad.lab", 60);
        time.runFor(61_000);
        Response r = answer(message("sip:bob@kad.lab", "m1"));
        assertEquals(Response.ACCEPTED, r.getStatusCode());
        assertEquals(1, waiting("bob@kad.lab"));
        assertTrue(sender.sent().isEmpty(), "nothing is forwarded");
    }

    @Test
    void aRetransmissionIsAcceptedAgainAndStoredOnce() {
        bind("bob@kad.lab", 60);
        time.runFor(61_000);
        assertEquals(Response.ACCEPTED, answer(message("sip:bob@kad.lab", "m1")).getStatusCode());
        assertEquals(Response.ACCEPTED, answer(message("sip:bob@kad.lab", "m1")).getStatusCode());
        assertEquals(1, waiting("bob@kad.lab"));
    }

    @Test
    void aUserNeverSeenStillGets404AndNothingIsStored() {
        assertEquals(Response.NOT_FOUND, answer(message("sip:carol@kad.lab", "m2")).getStatusCode());
        assertEquals(0, waiting("carol@kad.lab"));
    }

    @Test
    void aUserWithALiveContactGetsTheMessageForwarded() {
        bind("bob@kad.lab", 600);
        sender.answer(CONTACT, 200);
        assertEquals(Response.OK, answer(message("sip:bob@kad.lab", "m3")).getStatusCode());
        assertEquals(1, sender.sent().size());
        assertEquals(0, waiting("bob@kad.lab"));
    }

    @Test
    void whenTheMessageCannotBeStoredTheSenderGets480AsBefore() {
        bind("bob@kad.lab", 60);
        time.runFor(61_000);
        InMemoryOverlay failing = new InMemoryOverlay("kad", time);
        failing.setUnreachable(true);
        OfflineMailbox unreachable = new OfflineMailbox(failing, wall, time, new OfflineCounts());
        OfflineMessageHandler cannotStore = new OfflineMessageHandler(
                d -> d.equals("kad.lab") ? Optional.of(location) : Optional.empty(), d -> Optional.of(unreachable), proxy, wall);
        RecordingExchange exchange = message("sip:bob@kad.lab", "m4");
        assertTrue(cannotStore.handle(exchange));
        time.runFor(1_000);
        assertEquals(List.of(Response.TEMPORARILY_UNAVAILABLE), exchange.sentSoFar().stream().map(Response::getStatusCode).toList());
    }

    @Test
    void otherMethodsAreLeftToTheChain() {
        RecordingExchange options = RecordingExchange.of("OPTIONS sip:bob@kad.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-o", "Max-Forwards: 70", "From: <sip:a@chord.lab>;tag=a",
                "To: <sip:bob@kad.lab>", "Call-ID: o1", "CSeq: 1 OPTIONS", "Content-Length: 0", "");
        assertFalse(handler.handle(options));
    }
}
