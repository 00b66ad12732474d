package org.interlay.overlay.rpc;

import org.slf4j.Logger;

/**
 * Counts input dropped for being the sender's fault and logs it at debug, at most once per interval
 * with the count since the last line, so a flood of garbage costs a counter and no log storm.
 */
public final class DropLog {
    private final Logger log;
    private final String what;
    private final long intervalMillis;
    private long count;
    private long sinceLastLine;
    private long lastLineAt = Long.MIN_VALUE;

    public DropLog(Logger log, String what, long intervalMillis) {
        this.log = log;
        this.what = what;
        this.intervalMillis = intervalMillis;
    }

    public void drop(long nowMillis, Object from, String reason) {
        count++;
        sinceLastLine++;
        if (lastLineAt == Long.MIN_VALUE || nowMillis - lastLineAt >= intervalMillis) {
            if (log.isDebugEnabled()) {
                log.debug("dropped {} {} from {}: {}", sinceLastLine, what, from, reason);
            }
            lastLineAt = nowMillis;
            sinceLastLine = 0;
        }
    }

    public long count() {
        return count;
    }
}
