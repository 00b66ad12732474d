package org.interlay.router.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Record;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.Test;

/** The mailbox on an in-memory overlay, in virtual time: order, the bound, expiry, removal and relisting. */
class OfflineMailboxTest {
    static final AddressOfRecord BOB = AddressOfRecord.parse("bob@kad.lab");
    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock wall = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOverlay overlay = new InMemoryOverlay("kad", time);
    private final OfflineCounts counts = new OfflineCounts();
    private final OfflineMailbox mailbox = new OfflineMailbox(overlay, wall, time, counts);

    static StoredMessage message(Instant at, int n) {
        return new StoredMessage(MessageIds.of("a1", "call-" + n, 1), at, "<sip:alice@chord.lab>;tag=a1", "<sip:bob@kad.lab>",
                "call-" + n, 1, "text/plain", "", ("message " + n).getBytes(StandardCharsets.UTF_8));
    }

    private <T> T done(CompletableFuture<T> f) {
        time.runFor(10);
        assertTrue(f.isDone(), "the overlay answered");
        return f.join();
    }

    private List<String> waitingTexts() {
        return done(mailbox.waiting(BOB)).stream()
                .map(e -> new String(done(mailbox.message(BOB, e)).orElseThrow().body(), StandardCharsets.UTF_8)).toList();
    }

    private void storeNow(int n) {
        done(mailbox.store(BOB, message(wall.instant(), n)));
        time.runFor(1_000);
    }

    @Test
    void messagesWaitInTheOrderTheyWereStored() {
        for (int n = 1; n <= 3; n++) storeNow(n);
        assertEquals(List.of("message 1", "message 2", "message 3"), waitingTexts());
        assertEquals(3, counts.snapshot().stored());
    }

    @Test
    void storingTheSameMessageAgainKeepsOneCopy() {
        StoredMessage m = message(wall.instant(), 1);
        done(mailbox.store(BOB, m));
        done(mailbox.store(BOB, m));
        assertEquals(List.of("message 1"), waitingTexts());
        assertEquals(1, counts.snapshot().stored());
    }

    @Test
    void beyondTheBoundTheOldestAreDroppedAndCounted() {
        int total = OfflineMailbox.MAX_MESSAGES + 3;
        for (int n = 1; n <= total; n++) storeNow(n);
        List<String> waiting = waitingTexts();
        assertEquals(OfflineMailbox.MAX_MESSAGES, waiting.size());
        assertEquals("message 4", waiting.get(0));
        assertEquals("message " + total, waiting.get(waiting.size() - 1));
        assertEquals(3, counts.snapshot().droppedOldest());
        assertTrue(overlay.held(StoredMessageCodec.recordName(BOB, message(wall.instant(), 1).id())).isEmpty(),
                "a dropped message's record goes too");
    }

    @Test
    void messagesExpireAfterSevenDaysOnTheGivenClock() {
        storeNow(1);
        time.runFor(OfflineMailbox.KEEP.minusMinutes(1).toMillis());
        storeNow(2);
        assertEquals(List.of("message 1", "message 2"), waitingTexts());
        time.runFor(Duration.ofMinutes(2).toMillis());
        assertEquals(List.of("message 2"), waitingTexts());
        storeNow(3);
        assertEquals(1, counts.snapshot().expired(), "the expired entry is counted when the index is next written");
    }

    @Test
    void removedMessagesAreGoneAndTheRestKeepTheirOrder() {
        for (int n = 1; n <= 3; n++) storeNow(n);
        MailboxIndex.Entry second = done(mailbox.waiting(BOB)).get(1);
        done(mailbox.remove(BOB, second));
        assertEquals(List.of("message 1", "message 3"), waitingTexts());
    }

    @Test
    void anEntryLostToAConcurrentWriterIsListedAgainWhileItsMessageIsKept() {
        storeNow(1);
        Record before = overlay.held(MailboxIndexCodec.recordName(BOB)).orElseThrow();
        storeNow(2);
        // another agent, having read the index before message 2 was listed, writes it back with a newer version
        Record lost = new Record(before.key(), before.kind(), before.name(),
                MailboxIndexCodec.encode(new MailboxIndex(List.of(done(mailbox.waiting(BOB)).get(0)))), before.owner(),
                before.expiresAtMillis(), overlay.held(MailboxIndexCodec.recordName(BOB)).orElseThrow().version() + 1, false);
        done(overlay.put(lost));
        assertEquals(List.of("message 1"), waitingTexts());
        time.runFor(OfflineMailbox.CHECK_AFTER_MILLIS * OfflineMailbox.CHECKS);
        assertEquals(List.of("message 1", "message 2"), waitingTexts());
        assertEquals(1, counts.snapshot().relisted());
    }

    @Test
    void twoAgentsStoringForOneUserAtOnceLoseNeitherMessage() {
        OfflineCounts otherCounts = new OfflineCounts();
        OfflineMailbox otherAgent = new OfflineMailbox(overlay, wall, time, otherCounts);
        CompletableFuture<Void> first = mailbox.store(BOB, message(wall.instant(), 1));
        CompletableFuture<Void> second = otherAgent.store(BOB, message(wall.instant(), 2));
        time.runFor(10);
        assertTrue(first.isDone() && second.isDone());
        assertEquals(1, waitingTexts().size(), "both read the index before either wrote it: one entry is lost");
        time.runFor(OfflineMailbox.CHECK_AFTER_MILLIS * OfflineMailbox.CHECKS);
        assertEquals(java.util.Set.of("message 1", "message 2"), java.util.Set.copyOf(waitingTexts()));
        assertEquals(1, counts.snapshot().relisted() + otherCounts.snapshot().relisted());
    }

    @Test
    void aRemovedMessageIsNotListedAgainByTheCheck() {
        storeNow(1);
        done(mailbox.remove(BOB, done(mailbox.waiting(BOB)).get(0)));
        time.runFor(OfflineMailbox.CHECK_AFTER_MILLIS * OfflineMailbox.CHECKS);
        assertEquals(List.of(), waitingTexts());
        assertEquals(0, counts.snapshot().relisted());
    }

    @Test
    void anUnreadableIndexReadsAsEmptyAndIsReplacedByTheNextMessage() {
        done(overlay.put(Record.of(MailboxIndexCodec.KIND, MailboxIndexCodec.recordName(BOB),
                "garbage".getBytes(StandardCharsets.UTF_8), BOB.toString(), time.nowMillis(), 60_000).withVersion(1)));
        assertEquals(List.of(), waitingTexts());
        storeNow(1);
        assertEquals(List.of("message 1"), waitingTexts());
    }

    @Test
    void aMessageAtTheBodyLimitIsKeptWholeInTwoRecordsAndRemovedWhole() {
        StoredMessage small = message(wall.instant(), 1);
        byte[] body = new byte[MessageSizeLimit.BODY_BYTES];
        for (int i = 0; i < body.length; i++) body[i] = (byte) ('a' + i % 26);
        StoredMessage large = new StoredMessage(small.id(), small.storedAt(), small.from(), small.to(), small.callId(), 1,
                small.contentType(), "", body);
        assertTrue(OfflineMailbox.fits(large));
        done(mailbox.store(BOB, large));
        MailboxIndex.Entry entry = done(mailbox.waiting(BOB)).get(0);
        assertEquals(2, entry.parts());
        assertArrayEquals(body, done(mailbox.message(BOB, entry)).orElseThrow().body());
        done(mailbox.remove(BOB, entry));
        assertTrue(overlay.held(StoredMessageCodec.partName(BOB, entry.id(), 2)).isEmpty(), "every part goes");
        assertEquals(List.of(), waitingTexts());
    }

    @Test
    void aMessageWithAPartMissingIsNotDeliveredHalf() {
        byte[] body = new byte[MessageSizeLimit.BODY_BYTES];
        StoredMessage small = message(wall.instant(), 1);
        done(mailbox.store(BOB, new StoredMessage(small.id(), small.storedAt(), small.from(), small.to(), small.callId(), 1,
                small.contentType(), "", body)));
        MailboxIndex.Entry entry = done(mailbox.waiting(BOB)).get(0);
        done(overlay.remove(org.interlay.overlay.Key.hash(StoredMessageCodec.partName(BOB, entry.id(), 2))));
        assertTrue(done(mailbox.message(BOB, entry)).isEmpty());
    }

    @Test
    void aMessageLargerThanThreeRecordsDoesNotFit() {
        StoredMessage small = message(wall.instant(), 1);
        assertTrue(OfflineMailbox.fits(small));
        assertFalse(OfflineMailbox.fits(new StoredMessage(small.id(), small.storedAt(), small.from(), small.to(), small.callId(), 1,
                small.contentType(), "", new byte[3 * Record.MAX_VALUE])));
    }
}
