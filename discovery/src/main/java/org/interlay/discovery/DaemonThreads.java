package org.interlay.discovery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The discovery module's worker threads, which never keep the JVM alive: they run calls into JmDNS
 * that block (probing, resolving). Timers are not kept here: they run on a
 * {@link org.interlay.time.Scheduler}.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** {@code threads} daemon threads, named as by {@link #named}, that take turns at what they are given. */
    public static ExecutorService workers(int threads, String prefix) {
        return Executors.newFixedThreadPool(threads, named(prefix));
    }

    /** Daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
