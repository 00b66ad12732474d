package org.interlay.router.offline;

import java.util.concurrent.atomic.AtomicLong;

/** What happened to messages kept for offline users, counted since the agent started. Thread-safe. */
public final class OfflineCounts {
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong droppedOldest = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong relisted = new AtomicLong();

    /** A snapshot of the counts. */
    public record Snapshot(long stored, long delivered, long droppedOldest, long expired, long refused, long relisted) {
        public static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0, 0);

        /** These counts and {@code other}'s added up (several agents' together). */
        public Snapshot plus(Snapshot other) {
            return new Snapshot(stored + other.stored, delivered + other.delivered, droppedOldest + other.droppedOldest,
                    expired + other.expired, refused + other.refused, relisted + other.relisted);
        }

        @Override
        public String toString() {
            return "stored " + stored + ", delivered " + delivered + ", dropped as oldest " + droppedOldest
                    + ", expired " + expired + ", refused by the recipient " + refused + ", relisted " + relisted;
        }
    }

    void stored() {
        stored.incrementAndGet();
    }

    void delivered() {
        delivered.incrementAndGet();
    }

    void droppedOldest(int n) {
        droppedOldest.addAndGet(n);
    }

    void expired(int n) {
        expired.addAndGet(n);
    }

    void refused() {
        refused.incrementAndGet();
    }

    void relisted() {
        relisted.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(stored.get(), delivered.get(), droppedOldest.get(), expired.get(), refused.get(), relisted.get());
    }
}
