package org.interlay.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoppableSchedulerTest {
    @Test
    void onceStoppedNothingScheduledThroughItRunsWhileTheSchedulerGoesOn() {
        VirtualScheduler time = new VirtualScheduler();
        StoppableScheduler part = new StoppableScheduler(time);
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger once = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        part.repeat(100, 100, ticks::incrementAndGet);
        part.schedule(1_000, once::incrementAndGet);
        time.repeat(100, 100, others::incrementAndGet);
        time.runFor(500);
        assertEquals(5, ticks.get());
        part.stop();
        part.execute(once::incrementAndGet);
        time.runFor(1_000);
        assertEquals(5, ticks.get(), "the repeating timer stopped");
        assertEquals(0, once.get());
        assertEquals(15, others.get(), "the scheduler went on");
        assertEquals(time.nowMillis(), part.nowMillis());
    }
}
