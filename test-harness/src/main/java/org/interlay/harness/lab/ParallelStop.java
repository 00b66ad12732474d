package org.interlay.harness.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the parts of something at once, each on a thread of its own, and waits for all of them;
 * if they have not all stopped within a quiet period, says so once ({@code onSlow}) and goes on
 * waiting. Each part bounds its own stopping. A part that fails to stop is gone all the same: its
 * failure is returned, and the others still stop.
 */
final class ParallelStop {
    private ParallelStop() {}

    /** Stops the parts at once and waits for all, saying nothing. */
    static List<Throwable> run(List<Runnable> parts) {
        return run(parts, null, () -> { });
    }

    static List<Throwable> run(List<Runnable> parts, Duration quietFor, Runnable onSlow) {
        if (parts.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(parts.size());
        try {
            List<Future<?>> stopping = parts.stream().<Future<?>>map(pool::submit).toList();
            long deadline = quietFor == null ? 0 : System.nanoTime() + quietFor.toNanos();
            boolean told = quietFor == null;
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> part : stopping) {
                try {
                    if (told) {
                        part.get();
                    } else {
                        try {
                            part.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        } catch (TimeoutException e) {
                            told = true;
                            onSlow.run();
                            part.get();
                        }
                    }
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
