package org.interlay.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.interlay.time.Clock;
import org.slf4j.Logger;

/**
 * Input dropped because its sender got it wrong (a malformed datagram, a foreign advert, a broken SIP
 * request): it is counted and logged without letting a flood of it flood the log. The first drop of
 * each kind is logged once at info; after that, at most one summary line per interval gives the count
 * since the last line; each drop is logged at debug. Text from the sender is made printable and cut
 * before it is logged. Kinds are our own words (an enum, a fixed phrase), never text from the sender;
 * at most {@value #MAX_KINDS} are told apart, later ones count only in the total. Thread-safe.
 */
public final class DropLog {
    /** How many kinds are counted apart. */
    public static final int MAX_KINDS = 64;
    private static final int FROM_CHARS = 80;
    private static final int DETAIL_CHARS = 300;
    private static final AtomicLongFieldUpdater<DropLog> TOTAL = AtomicLongFieldUpdater.newUpdater(DropLog.class, "total");
    private static final AtomicLongFieldUpdater<DropLog> UNREPORTED =
            AtomicLongFieldUpdater.newUpdater(DropLog.class, "unreported");
    private static final AtomicLongFieldUpdater<DropLog> LAST_LINE =
            AtomicLongFieldUpdater.newUpdater(DropLog.class, "lastLineAt");

    private final Logger log;
    private final String what;
    private final Clock clock;
    private final long intervalMillis;
    private volatile long total;
    private volatile long unreported;
    private volatile long lastLineAt;
    private volatile Map<Object, AtomicLong> byKind; // made on the first drop: most logs never drop anything

    /**
     * @param log            where the lines go
     * @param what           what is dropped, as the lines name it ("malformed datagrams", "mDNS input")
     * @param clock          the time that decides when the next summary line may be written
     * @param intervalMillis least time between two summary lines
     */
    public DropLog(Logger log, String what, Clock clock, long intervalMillis) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("interval must be positive: " + intervalMillis);
        this.log = log;
        this.what = what;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.lastLineAt = clock.nowMillis();
    }

    /** Counts and logs one drop of the log's only kind ({@code what}). */
    public void drop(Object from, String detail) {
        drop(what, from, detail);
    }

    /**
     * Counts and logs one drop.
     *
     * @param kind   what was wrong, in our words (counted apart)
     * @param from   the sender or record it came from
     * @param detail what exactly was wrong, possibly the sender's text
     */
    public void drop(Object kind, Object from, String detail) {
        long all = TOTAL.incrementAndGet(this);
        AtomicLong ofKind = counter(kind);
        long now = clock.nowMillis();
        if (ofKind != null && ofKind.incrementAndGet() == 1) {
            LAST_LINE.set(this, now);
            log.info("Ignoring {} from {}: {} (more are counted and summed up at most every {} s, each at debug)",
                    what, printable(String.valueOf(from), FROM_CHARS), describe(kind, detail), intervalMillis / 1000);
        } else {
            UNREPORTED.incrementAndGet(this);
            long last = lastLineAt;
            if (now - last >= intervalMillis && LAST_LINE.compareAndSet(this, last, now)) {
                long since = UNREPORTED.getAndSet(this, 0);
                log.info("Ignored {} more {} since the last line, {} in all; latest from {}: {}", since, what, all,
                        printable(String.valueOf(from), FROM_CHARS), kind);
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("Ignoring {} from {}: {}", what, printable(String.valueOf(from), FROM_CHARS), describe(kind, detail));
        }
    }

    /** The kind and the detail, printable; a log of one kind says only the detail. */
    private String describe(Object kind, String detail) {
        String printed = printable(detail, DETAIL_CHARS);
        return what.equals(kind) ? printed : kind + ": " + printed;
    }

    private AtomicLong counter(Object kind) {
        Map<Object, AtomicLong> kinds = byKind;
        if (kinds == null) {
            synchronized (this) {
                if (byKind == null) byKind = new ConcurrentHashMap<>();
                kinds = byKind;
            }
        }
        AtomicLong counter = kinds.get(kind);
        if (counter != null || kinds.size() >= MAX_KINDS) return counter;
        return kinds.computeIfAbsent(kind, k -> new AtomicLong());
    }

    /** Every drop so far. */
    public long count() {
        return total;
    }

    /** The drops of {@code kind} so far. */
    public long count(Object kind) {
        Map<Object, AtomicLong> kinds = byKind;
        AtomicLong counter = kinds == null ? null : kinds.get(kind);
        return counter == null ? 0 : counter.get();
    }

    /** {@code text} with control and non-ASCII characters shown as '?', cut to {@code max} characters. */
    public static String printable(String text, int max) {
        if (text == null) return "";
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
