package org.interlay.router.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Waiting in tests without fixed sleeps: poll a condition, or take from a queue, until a deadline. */
public final class Eventually {
    private Eventually() {
    }

    public static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit + ": " + what);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The first element of {@code queue} matching {@code wanted} within {@code limit}; others are dropped. */
    public static <T> T take(BlockingQueue<T> queue, Predicate<T> wanted, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            T next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) throw new AssertionError("not within " + limit + ": " + what);
            if (wanted.test(next)) return next;
        }
    }
}
