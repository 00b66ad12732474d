package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; never a fixed sleep standing in for a check. */
public final class Await {

    private static final long POLL_MS = 20;

    private Await() {
    }

    public static void until(Duration limit, BooleanSupplier condition, Supplier<String> whatFailed) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit + ": " + whatFailed.get());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + whatFailed.get());
            }
        }
    }
}
