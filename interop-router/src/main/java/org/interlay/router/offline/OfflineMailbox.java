package org.interlay.router.offline;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.log.DropLog;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.RecordFormatException;
import org.interlay.router.store.KeyedSequencer;
import org.interlay.router.store.StoredRecords;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages kept for offline users of one domain, in the domain's overlay. Each message is a
 * record of its own under the hash of {@code offline:sip:user@domain#id} (two or three when it is
 * larger than one record holds: {@link MessageParts}), written once and never changed, so two agents storing at once cannot overwrite each other's messages. Which messages wait,
 * and in what order, is a small index record per user under {@code offline:sip:user@domain},
 * at most {@value #MAX_MESSAGES} entries: a new message beyond that pushes out the oldest (counted).
 * Messages live {@link #KEEP} from when they were stored, on the clock this mailbox is given.
 *
 * <p>The index is read, changed and written back. Through this agent those updates run one at a time
 * per user; two agents updating one index at once may lose one entry (the overlay keeps the newer
 * version). So a message's record is what counts, the index only finds it: {@value #CHECKS} times,
 * {@value #CHECK_AFTER_MILLIS} ms apart, the agent that stored a message reads the index again and
 * lists the message again if its entry is missing while its record is still there (counted as
 * relisted). A message removed after delivery loses its record first, so it is never relisted.
 */
public final class OfflineMailbox {
    private static final Logger log = LoggerFactory.getLogger(OfflineMailbox.class);
    /** The most messages kept for one user. */
    public static final int MAX_MESSAGES = 20;
    /** How long a message is kept. */
    public static final Duration KEEP = Duration.ofDays(7);
    static final long CHECK_AFTER_MILLIS = 2_000;
    static final int CHECKS = 3;
    private static final Duration EMPTY_INDEX_TTL = Duration.ofMinutes(1);
    private static final long DROP_SUMMARY_MILLIS = 60_000;

    private final Overlay overlay;
    private final InstantSource clock;
    private final Scheduler timers;
    private final OfflineCounts counts;
    private final DropLog unreadable;
    private final KeyedSequencer<AddressOfRecord> indexUpdates = new KeyedSequencer<>();

    public OfflineMailbox(Overlay overlay, InstantSource clock, Scheduler timers, OfflineCounts counts) {
        this.overlay = overlay;
        this.clock = clock;
        this.timers = timers;
        this.counts = counts;
        this.unreadable = new DropLog(log, "unreadable offline message records", timers, DROP_SUMMARY_MILLIS);
    }

    public Overlay overlay() {
        return overlay;
    }

    /** Whether {@code m} can be kept: with its headers, in at most three records (a body at the 8 KiB limit takes two). */
    public static boolean fits(StoredMessage m) {
        return MessageParts.fits(StoredMessageCodec.encode(m).length);
    }

    /**
     * Keeps {@code m} for {@code aor}: its records first, then its entry in the index. Completes when
     * all are stored; storing the same message again changes nothing.
     */
    public CompletableFuture<Void> store(AddressOfRecord aor, StoredMessage m) {
        Instant now = clock.instant();
        List<byte[]> parts = MessageParts.split(StoredMessageCodec.encode(m));
        CompletableFuture<?>[] puts = new CompletableFuture<?>[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            puts[k] = overlay.put(StoredRecords.create(overlay, StoredMessageCodec.KIND,
                    StoredMessageCodec.partName(aor, m.id(), k + 1), parts.get(k), aor.toString(), KEEP, Optional.empty(), now));
        }
        MailboxIndex.Entry entry = new MailboxIndex.Entry(m.storedAt(), m.id(), parts.size());
        return CompletableFuture.allOf(puts).thenCompose(v -> list(aor, entry)).thenAccept(added -> {
            if (added) {
                counts.stored();
                checkLater(aor, entry, CHECKS);
            }
        });
    }

    /** The messages waiting for {@code aor}, oldest first; none when its index cannot be read. */
    public CompletableFuture<List<MailboxIndex.Entry>> waiting(AddressOfRecord aor) {
        return overlay.get(indexKey(aor)).thenApply(found -> readIndex(aor, found).live(clock.instant(), KEEP).entries());
    }

    /** The message {@code entry} names, unless it is gone (any of its parts), expired or unreadable. */
    public CompletableFuture<Optional<StoredMessage>> message(AddressOfRecord aor, MailboxIndex.Entry entry) {
        List<CompletableFuture<Optional<Record>>> reads = new ArrayList<>();
        for (int k = 1; k <= entry.parts(); k++) reads.add(overlay.get(Key.hash(StoredMessageCodec.partName(aor, entry.id(), k))));
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<MessageParts.Part> parts = new ArrayList<>();
            try {
                for (CompletableFuture<Optional<Record>> read : reads) {
                    Optional<Record> found = read.join();
                    if (found.isEmpty()) return Optional.<StoredMessage>empty();
                    parts.add(MessageParts.read(found.get().value()));
                }
                StoredMessage m = StoredMessageCodec.decode(MessageParts.join(parts));
                return m.id().equals(entry.id()) && m.isLive(clock.instant(), KEEP) ? Optional.of(m) : Optional.<StoredMessage>empty();
            } catch (RecordFormatException e) {
                unreadable.drop(aor, e.getMessage());
                return Optional.<StoredMessage>empty();
            }
        });
    }

    /** Removes a message: its records first, then its entry, so a check of the index never lists it again. */
    public CompletableFuture<Void> remove(AddressOfRecord aor, MailboxIndex.Entry entry) {
        return removeRecords(aor, entry).thenCompose(v -> unlist(aor, entry.id()));
    }

    private CompletableFuture<Void> removeRecords(AddressOfRecord aor, MailboxIndex.Entry entry) {
        CompletableFuture<?>[] removals = new CompletableFuture<?>[entry.parts()];
        for (int k = 1; k <= entry.parts(); k++) {
            removals[k - 1] = overlay.remove(Key.hash(StoredMessageCodec.partName(aor, entry.id(), k)));
        }
        return CompletableFuture.allOf(removals);
    }

    /** Removes an entry whose message is gone (removed, expired or unreadable). */
    public CompletableFuture<Void> unlist(AddressOfRecord aor, String id) {
        return update(aor, index -> index.contains(id) ? index.without(id) : null).thenApply(v -> null);
    }

    /** Adds {@code entry}; true when it was not listed before. */
    private CompletableFuture<Boolean> list(AddressOfRecord aor, MailboxIndex.Entry entry) {
        boolean[] added = {false};
        return update(aor, index -> {
            MailboxIndex.Added result = index.with(entry, MAX_MESSAGES);
            if (!result.dropped().isEmpty()) {
                counts.droppedOldest(result.dropped().size());
                for (MailboxIndex.Entry old : result.dropped()) removeRecords(aor, old);
            }
            added[0] = result.added();
            return result.added() || !result.dropped().isEmpty() ? result.index() : null;
        }).thenApply(v -> added[0]);
    }

    /** Reads the index, drops expired entries, applies {@code change} (null: nothing to change) and writes it back. */
    private CompletableFuture<Void> update(AddressOfRecord aor, java.util.function.UnaryOperator<MailboxIndex> change) {
        return indexUpdates.run(aor, () -> overlay.get(indexKey(aor)).thenCompose(found -> {
            Instant now = clock.instant();
            MailboxIndex read = readIndex(aor, found);
            MailboxIndex live = read.live(now, KEEP);
            int expired = read.entries().size() - live.entries().size();
            counts.expired(expired);
            MailboxIndex next = change.apply(live);
            if (next == null && expired == 0) return CompletableFuture.completedFuture(null);
            if (next == null) next = live;
            Duration ttl = next.newest() == null ? EMPTY_INDEX_TTL : Duration.between(now, next.newest().plus(KEEP));
            Record record = StoredRecords.create(overlay, MailboxIndexCodec.KIND, MailboxIndexCodec.recordName(aor),
                    MailboxIndexCodec.encode(next), aor.toString(), ttl, found, now);
            return overlay.put(record);
        }));
    }

    /** Lists {@code entry} again if a concurrent update lost it while its message is still kept. */
    private void checkLater(AddressOfRecord aor, MailboxIndex.Entry entry, int checksLeft) {
        if (checksLeft == 0) return;
        timers.schedule(CHECK_AFTER_MILLIS, () -> overlay.get(indexKey(aor))
                .thenCompose(found -> readIndex(aor, found).contains(entry.id())
                        ? CompletableFuture.completedFuture(false)
                        : message(aor, entry).thenCompose(m -> m.isPresent() ? list(aor, entry)
                                : CompletableFuture.completedFuture(false)))
                .whenComplete((relisted, error) -> {
                    if (error != null) {
                        log.debug("cannot check the mailbox of {}: {}", aor, error.toString());
                    } else if (relisted) {
                        counts.relisted();
                    }
                    checkLater(aor, entry, checksLeft - 1);
                }));
    }

    private MailboxIndex readIndex(AddressOfRecord aor, Optional<Record> found) {
        if (found.isEmpty()) return MailboxIndex.empty();
        try {
            return MailboxIndexCodec.decode(aor, found.get().value(), MAX_MESSAGES);
        } catch (RecordFormatException e) {
            unreadable.drop(aor, e.getMessage());
            return MailboxIndex.empty();
        }
    }

    private static Key indexKey(AddressOfRecord aor) {
        return Key.hash(MailboxIndexCodec.recordName(aor));
    }
}
