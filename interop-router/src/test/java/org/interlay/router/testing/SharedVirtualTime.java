package org.interlay.router.testing;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.time.VirtualScheduler;

/**
 * Virtual time for tests where a SIP stack's threads take part: the test's thread (the one that made
 * it) moves the time and runs every task; other threads may schedule tasks and read the time, and
 * what they schedule is handed over to the test's thread, due from the time they last saw. Time moves
 * only when the test moves it; while the test waits for something, what is due now keeps running.
 */
public final class SharedVirtualTime implements Scheduler {
    private static final long SLICE_MILLIS = 10;

    private final VirtualScheduler time = new VirtualScheduler();
    private final Thread driver = Thread.currentThread();
    private final Queue<Handoff> handedOver = new ConcurrentLinkedQueue<>();
    private volatile long seen;

    private static final class Handoff implements Timer {
        final long due;
        final Runnable task;
        volatile boolean cancelled;

        Handoff(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nowMillis() {
        return inSchedulerThread() ? time.nowMillis() : seen;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        if (inSchedulerThread()) return time.schedule(delayMillis, task);
        Handoff handoff = new Handoff(seen + Math.max(0, delayMillis), task);
        handedOver.add(handoff);
        return handoff;
    }

    @Override
    public void execute(Runnable task) {
        schedule(0, task);
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == driver;
    }

    /** Moves the time by {@code millis}, running what falls due on the way. */
    public void runFor(long millis) {
        checkDriver();
        long end = time.nowMillis() + millis;
        do {
            takeOver();
            time.runUntil(Math.min(end, time.nowMillis() + SLICE_MILLIS));
            seen = time.nowMillis();
        } while (time.nowMillis() < end);
        takeOver();
        time.runUntil(end);
    }

    /** Waits (in real time, at most {@code limit}) for {@code condition}, running what is due meanwhile. */
    public void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            runFor(0);
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit + ": " + what);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** The first element of {@code queue} matching {@code wanted} within {@code limit}, running what is due meanwhile. */
    public <T> T take(BlockingQueue<T> queue, Predicate<T> wanted, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            runFor(0);
            T next = queue.poll(5, TimeUnit.MILLISECONDS);
            if (next != null && wanted.test(next)) return next;
            if (next == null && System.nanoTime() > deadline) throw new AssertionError("not within " + limit + ": " + what);
        }
    }

    private void takeOver() {
        long now = time.nowMillis();
        for (Handoff h = handedOver.poll(); h != null; h = handedOver.poll()) {
            Handoff handoff = h;
            time.schedule(handoff.due - now, () -> {
                if (!handoff.cancelled) handoff.task.run();
            });
        }
    }

    private void checkDriver() {
        if (!inSchedulerThread()) throw new IllegalStateException("only the test's thread moves the time");
    }
}
