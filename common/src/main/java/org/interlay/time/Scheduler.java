package org.interlay.time;

/**
 * Runs tasks one at a time, now or after a delay, on the thread that owns a node's state. Overlay
 * code never sleeps and never reads the wall clock: it asks this for the time and for timers, so
 * the same code runs in real time on sockets and in virtual time in simulation.
 */
public interface Scheduler extends Clock {
    /** Runs {@code task} after {@code delayMillis} (0 = as soon as possible, after what is queued). */
    Timer schedule(long delayMillis, Runnable task);

    /** Runs {@code task} soon on the scheduler's thread; safe to call from any thread. */
    void execute(Runnable task);

    /** True when the caller is on the scheduler's thread (always true in simulation). */
    boolean inSchedulerThread();

    /** Runs {@code task} every {@code periodMillis}, the first time after {@code initialDelayMillis}. */
    default Timer repeat(long initialDelayMillis, long periodMillis, Runnable task) {
        if (periodMillis <= 0) throw new IllegalArgumentException("period must be positive: " + periodMillis);
        final class Repeating implements Timer, Runnable {
            private Timer next;
            private volatile boolean cancelled; // cancel may come from another thread than the scheduler's

            @Override
            public void run() {
                if (cancelled) return;
                next = schedule(periodMillis, this);
                task.run();
            }

            @Override
            public void cancel() {
                cancelled = true;
                if (next != null) next.cancel();
            }
        }
        Repeating r = new Repeating();
        r.next = schedule(initialDelayMillis, r);
        return r;
    }
}
