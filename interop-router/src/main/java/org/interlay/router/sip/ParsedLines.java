package org.interlay.router.sip;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stack's parser made of header lines and first lines it has read, by their exact text, so
 * that a line read again (the same CSeq, Contact, Content-Type, status line in call after call; the
 * same From, To and Call-ID in each message of one call) is not parsed again. Bounded: lines longer
 * than {@link #MAX_LINE_CHARS} are never kept, and when {@code capacity} lines are held the next one
 * starts the map afresh, so a sender of ever new lines costs a bounded amount of memory and no more
 * than a parse per line.
 */
final class ParsedLines {
    /** Longer lines are parsed every time: they are rarely repeated, and would make the map large. */
    static final int MAX_LINE_CHARS = 256;

    private final ConcurrentHashMap<String, Object> lines = new ConcurrentHashMap<>();
    private final int capacity;

    ParsedLines(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    /** What {@code line} was parsed to, to be copied before use; null when it is not held. */
    Object parsed(String line) {
        return lines.get(line);
    }

    /** Whether {@code line} may be kept at all. */
    static boolean keepable(String line) {
        return line.length() <= MAX_LINE_CHARS;
    }

    /** Keeps what {@code line} was parsed to; {@code parsed} must be a copy nobody else holds. */
    void keep(String line, Object parsed) {
        if (!keepable(line)) return;
        if (lines.size() >= capacity) lines.clear();
        lines.put(line, parsed);
    }

    int size() {
        return lines.size();
    }
}
