package org.interlay.router.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another per key, so read-modify-write updates of one record made
 * through this peer do not overwrite each other. Tasks for different keys run independently.
 */
public final class KeyedSequencer<K> {
    private final ConcurrentHashMap<K, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    public <T> CompletableFuture<T> run(K key, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(key, result);
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = task.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((v, e) -> {
                tails.remove(key, result);
                if (e != null) result.completeExceptionally(e); else result.complete(v);
            });
        };
        if (previous == null) {
            start.run();
        } else {
            previous.whenComplete((v, e) -> start.run());
        }
        return result;
    }

    /** Keys with work queued or running. */
    public int busyKeys() {
        return tails.size();
    }
}
