package org.interlay.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

class DropLogTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private final RecordingLogger recording = new RecordingLogger();
    private final DropLog drops = new DropLog(recording.logger, "test input", time, 10_000);

    @Test
    void firstDropOfEachKindIsLoggedAtInfoTheRestAtDebug() {
        drops.drop("too short", "10.0.0.1:5060", "3 bytes");
        drops.drop("too short", "10.0.0.1:5060", "4 bytes");
        drops.drop("bad version", "10.0.0.2:5060", "v9");
        assertEquals(2, recording.at("INFO").size());
        assertTrue(recording.at("INFO").get(0).startsWith("INFO Ignoring test input from 10.0.0.1:5060: too short: 3 bytes"),
                recording.at("INFO").get(0));
        assertTrue(recording.at("INFO").get(1).contains("bad version"));
        assertEquals(3, recording.at("DEBUG").size(), "each case at debug");
        assertEquals(3, drops.count());
        assertEquals(2, drops.count("too short"));
        assertEquals(1, drops.count("bad version"));
        assertEquals(0, drops.count("never seen"));
    }

    @Test
    void aFloodGivesAtMostOneSummaryLinePerIntervalWithTheCount() {
        drops.drop("garbage", "x", "first");
        for (int i = 0; i < 1000; i++) {
            time.runFor(10);
            drops.drop("garbage", "x", "again");
        }
        // 10 s of virtual time: the first line, then one summary when the interval is over
        assertEquals(2, recording.at("INFO").size(), String.join("\n", recording.at("INFO")));
        assertTrue(recording.at("INFO").get(1).contains("Ignored 1000 more test input since the last line, 1001 in all"),
                recording.at("INFO").get(1));
        time.runFor(5_000);
        drops.drop("garbage", "x", "again");
        assertEquals(2, recording.at("INFO").size(), "not before the interval is over");
        time.runFor(5_000);
        drops.drop("garbage", "x", "again");
        assertEquals(3, recording.at("INFO").size());
        assertTrue(recording.at("INFO").get(2).contains("Ignored 2 more"), recording.at("INFO").get(2));
    }

    @Test
    void theSendersTextIsMadePrintableAndCut() {
        drops.drop("bad header", "evil\r\nhost", "x".repeat(1_000) + "\u0007");
        String line = recording.at("INFO").get(0);
        assertTrue(line.contains("evil??host"), line);
        assertTrue(line.length() < 500, "cut: " + line.length());
        assertEquals("a?b", DropLog.printable("a\u00e9b", 10));
        assertEquals("abc...", DropLog.printable("abcdef", 3));
        assertEquals("", DropLog.printable(null, 3));
    }

    @Test
    void kindsBeyondTheLimitCountOnlyInTheTotal() {
        for (int i = 0; i < DropLog.MAX_KINDS + 5; i++) drops.drop("kind " + i, "x", "y");
        assertEquals(DropLog.MAX_KINDS + 5, drops.count());
        assertEquals(0, drops.count("kind " + (DropLog.MAX_KINDS + 1)));
        assertEquals(DropLog.MAX_KINDS, recording.at("INFO").size());
    }

    @Test
    void aLogOfOneKindNamesItByWhatItDrops() {
        drops.drop("10.0.0.1:5060", "truncated");
        assertEquals(1, drops.count("test input"));
        assertTrue(recording.at("INFO").get(0).startsWith("INFO Ignoring test input from 10.0.0.1:5060: truncated ("),
                recording.at("INFO").get(0));
    }
}
