package org.interlay.harness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ParallelStopTest {

    @Test
    void partsStopAtOnceAndAQuickStopSaysNothing() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Runnable part = () -> {
            allStarted.countDown();
            try {
                assertTrue(allStarted.await(10, TimeUnit.SECONDS), "each part waits for the others: they run at once");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AtomicInteger told = new AtomicInteger();
        List<Throwable> failures = ParallelStop.run(List.of(part, part, part), Duration.ofSeconds(20), told::incrementAndGet);
        assertEquals(List.of(), failures);
        assertEquals(0, told.get(), "nothing said when all stop within the quiet period");
    }

    @Test
    void aSlowStopIsToldOnceAndStillWaitedFor() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stopped = new AtomicInteger();
        Runnable slow = () -> {
            try {
                release.await();
                stopped.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AtomicInteger told = new AtomicInteger();
        ParallelStop.run(List.of(slow, slow), Duration.ZERO, () -> {
            told.incrementAndGet();
            release.countDown();
        });
        assertEquals(1, told.get());
        assertEquals(2, stopped.get(), "both parts stopped before run returned");
    }

    @Test
    void aPartThatFailsIsReportedAndTheOthersStillStop() {
        AtomicInteger stopped = new AtomicInteger();
        List<Throwable> failures = ParallelStop.run(List.of(() -> { throw new IllegalStateException("socket gone"); },
                stopped::incrementAndGet), Duration.ofSeconds(20), () -> { });
        assertEquals(1, failures.size());
        assertEquals("socket gone", failures.get(0).getMessage());
        assertEquals(1, stopped.get());
    }
}
