package org.interlay.router.sip;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts SIP input that was dropped or refused as malformed: it is the sender's fault, so it is
 * logged once at info, then at most every ten seconds with the running count; each case at debug.
 */
public final class MalformedInputLog {
    private static final Logger log = LoggerFactory.getLogger(MalformedInputLog.class);
    private static final long SUMMARY_NANOS = 10_000_000_000L;

    private final String endpoint;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastSummary = new AtomicLong(System.nanoTime() - SUMMARY_NANOS);

    public MalformedInputLog(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Records one malformed message and why it was refused. */
    public void record(String reason, String detail) {
        reason = printable(reason, 120);
        detail = printable(detail, 300);
        long n = count.incrementAndGet();
        long now = System.nanoTime();
        long last = lastSummary.get();
        if (now - last >= SUMMARY_NANOS && lastSummary.compareAndSet(last, now)) {
            log.info("{}: malformed SIP input ({} so far), latest: {} (each case at debug)", endpoint, n, reason);
        }
        log.debug("{}: malformed SIP input: {}: {}", endpoint, reason, detail);
    }

    /** The text with control and non-ASCII characters shown as '?', cut to {@code max} characters. */
    static String printable(String text, int max) {
        if (text == null) return "";
        String s = text.length() > max ? text.substring(0, max) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    public long count() {
        return count.get();
    }
}
