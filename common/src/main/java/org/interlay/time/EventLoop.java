package org.interlay.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that owns many nodes: it waits on a selector for datagrams, runs due timers and
 * queued tasks. Hundreds of overlay nodes share one loop, so a process holds many nodes without a
 * thread each. A task that throws is a bug of ours: it is logged with context and the loop goes on.
 */
public final class EventLoop implements Scheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<TimerTask> timers = new PriorityQueue<>();
    private final Clock clock = Clock.system();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private long sequence;

    public EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public long nowMillis() {
        return clock.nowMillis();
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        TimerTask t = new TimerTask(nowMillis() + Math.max(0, delayMillis), task);
        execute(() -> {
            t.sequence = sequence++;
            timers.add(t);
        });
        return t;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) selector.wakeup();
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    /** Registers a channel for reads; {@code onReadable} runs on the loop. Call from any thread. */
    public void register(java.nio.channels.SelectableChannel channel, Consumer<SelectionKey> onReadable) {
        execute(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, onReadable);
            } catch (IOException e) {
                log.warn("cannot register {} with the event loop", channel, e);
            }
        });
    }

    private void run() {
        try {
            while (running) {
                runTasks(); // first, so timers they schedule count in the wait below
                long wait = runDueTimers();
                if (!tasks.isEmpty()) wait = -1;
                int ready = wait < 0 ? selector.selectNow() : selector.select(Math.max(1, wait));
                if (ready > 0) dispatchReadable();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) log.warn("event loop {} stopped by an I/O error", thread.getName(), e);
        } finally {
            stopped.countDown();
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatchReadable() {
        var it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (key.isValid() && key.isReadable()) {
                runGuarded(() -> ((Consumer<SelectionKey>) key.attachment()).accept(key));
            }
        }
    }

    /** Runs due timers; returns milliseconds until the next one, 0 for none. */
    private long runDueTimers() {
        long now = nowMillis();
        while (!timers.isEmpty() && timers.peek().due <= now) {
            TimerTask t = timers.poll();
            if (!t.cancelled) runGuarded(t.task);
        }
        return timers.isEmpty() ? 0 : Math.max(1, timers.peek().due - now);
    }

    private void runTasks() {
        for (int i = tasks.size(); i > 0; i--) {
            Runnable r = tasks.poll();
            if (r == null) break;
            runGuarded(r);
        }
    }

    private void runGuarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            log.warn("task on event loop {} failed", thread.getName(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing selector", e);
        }
    }

    private static final class TimerTask implements Timer, Comparable<TimerTask> {
        final long due;
        final Runnable task;
        long sequence;
        volatile boolean cancelled;

        TimerTask(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(TimerTask o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
