package org.interlay.time;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * Virtual time: tasks run in order of their due time (ties in order of scheduling), and the clock
 * jumps from one to the next. One thread runs everything, so a simulation with the same seed is the
 * same run, bit for bit, and an hour of overlay life passes in as long as its events take to run.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private long eventsRun;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        Event e = new Event(now + Math.max(0, delayMillis), sequence++, task);
        queue.add(e);
        return e;
    }

    @Override
    public void execute(Runnable task) {
        schedule(0, task);
    }

    @Override
    public boolean inSchedulerThread() {
        return true;
    }

    /** Runs the next due task; false when there is none. */
    public boolean runNext() {
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            if (e.cancelled) continue;
            now = e.due;
            eventsRun++;
            e.task.run();
            return true;
        }
        return false;
    }

    /** Runs every task due up to {@code time}, then sets the clock to it. */
    public void runUntil(long time) {
        while (!queue.isEmpty() && queue.peek().due <= time) {
            if (queue.peek().cancelled) {
                queue.poll(); // else runNext would skip it and run the next task, however late that one is due
            } else {
                runNext();
            }
        }
        now = Math.max(now, time);
    }

    public void runFor(long millis) {
        runUntil(now + millis);
    }

    /**
     * Runs until {@code done} holds (checked every {@code checkEveryMillis} of virtual time) or
     * {@code limitMillis} have passed; true when it held.
     */
    public boolean runUntil(BooleanSupplier done, long checkEveryMillis, long limitMillis) {
        long end = now + limitMillis;
        while (now < end) {
            if (done.getAsBoolean()) return true;
            runUntil(Math.min(end, now + checkEveryMillis));
        }
        return done.getAsBoolean();
    }

    /** Tasks waiting, cancelled ones included. */
    public int pending() {
        return queue.size();
    }

    public long eventsRun() {
        return eventsRun;
    }

    private static final class Event implements Timer, Comparable<Event> {
        final long due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Event(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
