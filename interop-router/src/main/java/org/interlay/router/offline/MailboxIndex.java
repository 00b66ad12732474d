package org.interlay.router.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages waiting for one user, oldest first: when each was stored and its id. The messages
 * themselves are records of their own; this list is how they are found and in what order they go.
 */
public record MailboxIndex(List<Entry> entries) {
    /** One waiting message: when it was stored, its id, and how many records hold it. */
    public record Entry(Instant storedAt, String id, int parts) {
        public Entry {
            if (storedAt == null || id == null || !id.matches("[0-9a-f]{1,32}")) {
                throw new IllegalArgumentException("bad mailbox entry: " + storedAt + " " + id);
            }
            if (parts < 1 || parts > MessageParts.MAX_PARTS) {
                throw new IllegalArgumentException("a message is held by 1 to " + MessageParts.MAX_PARTS + " records, not " + parts);
            }
        }

        public boolean isLive(Instant now, Duration keep) {
            return now.isBefore(storedAt.plus(keep));
        }
    }

    /** What adding an entry did: the index to store and the entries it pushed out. */
    public record Added(MailboxIndex index, List<Entry> dropped, boolean added) {
    }

    public MailboxIndex {
        entries = List.copyOf(entries);
    }

    public static MailboxIndex empty() {
        return new MailboxIndex(List.of());
    }

    public boolean contains(String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    /**
     * This index with {@code entry} in its place by time (after entries stored at the same instant),
     * unless it is there already; when that makes more than {@code max}, the oldest go.
     */
    public Added with(Entry entry, int max) {
        if (contains(entry.id())) return new Added(this, List.of(), false);
        List<Entry> next = new ArrayList<>(entries);
        int at = next.size();
        while (at > 0 && next.get(at - 1).storedAt().isAfter(entry.storedAt())) at--;
        next.add(at, entry);
        List<Entry> dropped = new ArrayList<>();
        while (next.size() > max) dropped.add(next.remove(0));
        return new Added(new MailboxIndex(next), dropped, !dropped.contains(entry));
    }

    public MailboxIndex without(String id) {
        return new MailboxIndex(entries.stream().filter(e -> !e.id().equals(id)).toList());
    }

    /** The entries still live at {@code now}. */
    public MailboxIndex live(Instant now, Duration keep) {
        return new MailboxIndex(entries.stream().filter(e -> e.isLive(now, keep)).toList());
    }

    /** When the newest entry was stored; null when there is none. */
    public Instant newest() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).storedAt();
    }
}
