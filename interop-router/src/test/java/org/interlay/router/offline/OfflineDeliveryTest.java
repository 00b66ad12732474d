package org.interlay.router.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.ScriptedSender;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.Test;

/** Delivery at registration between an in-memory overlay and a scripted contact, in virtual time. */
class OfflineDeliveryTest {
    private static final String CONTACT = "sip:bob@127.0.0.1:6001";
    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock wall = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOverlay overlay = new InMemoryOverlay("kad", time);
    private final OfflineCounts counts = new OfflineCounts();
    private final OfflineMailbox mailbox = new OfflineMailbox(overlay, wall, time, counts);
    private final ScriptedSender contact = new ScriptedSender();
    private final OfflineDelivery delivery = new OfflineDelivery(d -> d.equals("kad.lab") ? Optional.of(mailbox) : Optional.empty(),
            contact, new SelfAddress("127.0.0.1", 5070), counts);

    private void storeThree() {
        for (int n = 1; n <= 3; n++) {
            CompletableFuture<Void> stored = mailbox.store(OfflineMailboxTest.BOB, OfflineMailboxTest.message(wall.instant(), n));
            time.runFor(1_000);
            assertTrue(stored.isDone());
        }
    }

    private int waiting() {
        CompletableFuture<List<MailboxIndex.Entry>> w = mailbox.waiting(OfflineMailboxTest.BOB);
        time.runFor(10);
        return w.join().size();
    }

    private List<String> bodiesSent() {
        return contact.sent().stream().map(r -> new String(r.getRawContent(), StandardCharsets.UTF_8)).toList();
    }

    private static URI uri(String s) throws Exception {
        return SipFactories.get().addresses().createURI(s);
    }

    @Test
    void eachMessageIsRemovedOnlyAfterIts2xxAndOnlyThenDoesTheNextGo() throws Exception {
        storeThree();
        CompletableFuture<Integer> answer = contact.later(CONTACT);
        CompletableFuture<Void> done = delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        assertEquals(List.of("message 1"), bodiesSent(), "one at a time");
        assertEquals(3, waiting(), "nothing is removed before the 2xx");
        answer.complete(200);
        time.runFor(5_000);
        assertTrue(done.isDone());
        assertEquals(List.of("message 1", "message 2", "message 3"), bodiesSent());
        assertEquals(0, waiting());
        assertEquals(3, counts.snapshot().delivered());
    }

    @Test
    void aMessageStoredDuringTheDeliveryGoesInTheSameDelivery() throws Exception {
        storeThree();
        CompletableFuture<Integer> answer = contact.later(CONTACT);
        CompletableFuture<Void> done = delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        CompletableFuture<Void> fourth = mailbox.store(OfflineMailboxTest.BOB, OfflineMailboxTest.message(wall.instant(), 4));
        time.runFor(10);
        assertTrue(fourth.isDone());
        answer.complete(200);
        time.runFor(5_000);
        assertTrue(done.isDone());
        assertEquals(List.of("message 1", "message 2", "message 3", "message 4"), bodiesSent());
        assertEquals(0, waiting());
    }

    @Test
    void aDeliveredMessageComesFromItsSenderWithItsCallIdAndADate() throws Exception {
        storeThree();
        contact.answer(CONTACT, 200);
        delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        Request first = contact.sent().get(0);
        assertEquals(Request.MESSAGE, first.getMethod());
        assertEquals(CONTACT, first.getRequestURI().toString());
        assertEquals("sip:alice@chord.lab", ((FromHeader) first.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        assertEquals("a1", ((FromHeader) first.getHeader(FromHeader.NAME)).getTag());
        assertEquals("call-1", ((CallIdHeader) first.getHeader(CallIdHeader.NAME)).getCallId());
        assertNotNull(first.getHeader(DateHeader.NAME), "a Date says when it was stored");
    }

    @Test
    void aContactThatDoesNotAnswerLeavesEveryMessageForTheNextRegistration() throws Exception {
        storeThree();
        contact.timeOut(CONTACT);
        delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        assertEquals(List.of("message 1"), bodiesSent());
        assertEquals(3, waiting());
        contact.answer(CONTACT, 200);
        delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        assertEquals(List.of("message 1", "message 1", "message 2", "message 3"), bodiesSent());
        assertEquals(0, waiting());
    }

    @Test
    void aContactThatIsBusyStopsTheDeliveryAndOneThatRefusesDropsTheMessage() throws Exception {
        storeThree();
        contact.answer(CONTACT, 480);
        delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        assertEquals(3, waiting());
        contact.answer(CONTACT, 415);
        delivery.registered(OfflineMailboxTest.BOB, uri(CONTACT));
        time.runFor(5_000);
        assertEquals(0, waiting());
        assertEquals(3, counts.snapshot().refused());
        assertEquals(0, counts.snapshot().delivered());
    }
}
