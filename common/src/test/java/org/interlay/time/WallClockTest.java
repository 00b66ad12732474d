package org.interlay.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WallClockTest {
    @Test
    void readsTheAnchorThenMovesWithTheClock() {
        VirtualScheduler time = new VirtualScheduler();
        time.runFor(5_000); // the anchor holds whatever the clock read when the wall clock was made
        Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
        WallClock wall = new WallClock(time, anchor);
        assertEquals(anchor, wall.instant());
        time.runFor(1_500);
        assertEquals(anchor.plus(Duration.ofMillis(1_500)), wall.instant());
        assertEquals(anchor.toEpochMilli() + 1_500, wall.millis());
    }

    @Test
    void systemWallClockStartsAtThePresent() {
        VirtualScheduler time = new VirtualScheduler();
        Instant before = Instant.now();
        WallClock wall = WallClock.system(time);
        Instant after = Instant.now();
        assertTrue(!wall.instant().isBefore(before) && !wall.instant().isAfter(after));
        time.runFor(60_000);
        assertTrue(!wall.instant().isBefore(before.plusSeconds(60)));
    }
}
