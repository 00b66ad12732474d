package org.interlay.router.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values loaded asynchronously and kept for a fixed time; concurrent requests for a key that is being
 * loaded share the one load, and failed loads are not kept. A zero time to live disables caching
 * but still shares loads in flight. At most {@code capacity} keys: when full, the whole cache is dropped.
 */
public final class ExpiringCache<K, V> {
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanoTime;

    private record Entry<V>(CompletableFuture<V> value, long loadedAt) {}

    public ExpiringCache(Duration ttl, int capacity, LongSupplier nanoTime) {
        if (ttl.isNegative()) throw new IllegalArgumentException("time to live must not be negative: " + ttl);
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /** The cached value of {@code key}, or the value {@code loader} gives, which is then kept. */
    public CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> current = entries.get(key);
        if (current != null && (!current.value().isDone() || now - current.loadedAt() < ttlNanos)) {
            return current.value();
        }
        if (entries.size() >= capacity) entries.clear();
        CompletableFuture<V> loading = new CompletableFuture<>();
        Entry<V> mine = new Entry<>(loading, now);
        Entry<V> winner = entries.compute(key, (k, old) ->
                old != null && old != current && (!old.value().isDone() || now - old.loadedAt() < ttlNanos) ? old : mine);
        if (winner != mine) return winner.value();
        loader.apply(key).whenComplete((v, e) -> {
            if (e != null || ttlNanos == 0) entries.remove(key, mine);
            if (e != null) loading.completeExceptionally(e); else loading.complete(v);
        });
        return loading;
    }

    /** Replaces what is kept for {@code key} with a value known to be current. */
    public void put(K key, V value) {
        if (ttlNanos > 0) entries.put(key, new Entry<>(CompletableFuture.completedFuture(value), nanoTime.getAsLong()));
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }
}
