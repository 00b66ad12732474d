package org.interlay.time;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs asynchronous work on a scheduler's thread, whichever thread asks for it. */
public final class OnScheduler {
    private OnScheduler() {
    }

    /**
     * The future of {@code action}, started on {@code scheduler}'s thread: at once when the caller is
     * on it, else as a task; an action that throws gives a failed future rather than an exception.
     */
    public static <T> CompletableFuture<T> call(Scheduler scheduler, Supplier<CompletableFuture<T>> action) {
        if (scheduler.inSchedulerThread()) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                action.get().whenComplete((v, e) -> {
                    if (e != null) result.completeExceptionally(e); else result.complete(v);
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
