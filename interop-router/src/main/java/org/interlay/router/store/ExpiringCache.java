package org.interlay.router.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.interlay.time.Clock;

/**
 * Values loaded asynchronously and kept for a fixed time. Concurrent requests for a key being loaded
 * share the one load; failed loads are not kept. A value older than its time to live but still within
 * the grace period is served at once while a fresh one is loaded in the background, so a slow load
 * (an overlay repairing itself) does not hold up the callers. A zero time to live disables caching
 * but still shares loads in flight. At most {@code capacity} keys: when full, the cache is dropped.
 * Ages are read from the {@link Clock} it is given.
 */
public final class ExpiringCache<K, V> {
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final long graceMillis;
    private final int capacity;
    private final Clock clock;

    private record Entry<V>(CompletableFuture<V> value, long loadedAt, AtomicBoolean reloading) {
        boolean usable(long now, long ttl, long grace) {
            if (!value.isDone()) return true;
            if (value.isCompletedExceptionally()) return false;
            return now - loadedAt < ttl + grace;
        }
    }

    public ExpiringCache(Duration ttl, Duration grace, int capacity, Clock clock) {
        if (ttl.isNegative() || grace.isNegative()) throw new IllegalArgumentException("durations must not be negative");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.ttlMillis = ttl.toMillis();
        this.graceMillis = ttl.isZero() ? 0 : grace.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The cached value of {@code key}, or the value {@code loader} gives, which is then kept. */
    public CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> loader) {
        long now = clock.nowMillis();
        Entry<V> current = entries.get(key);
        if (current != null && current.usable(now, ttlMillis, graceMillis)) {
            if (current.value().isDone() && now - current.loadedAt() >= ttlMillis && current.reloading().compareAndSet(false, true)) {
                reload(key, loader, current);
            }
            return current.value();
        }
        if (entries.size() >= capacity) entries.clear();
        Entry<V> mine = new Entry<>(new CompletableFuture<>(), now, new AtomicBoolean());
        Entry<V> winner = entries.compute(key, (k, old) ->
                old != null && old != current && old.usable(now, ttlMillis, graceMillis) ? old : mine);
        if (winner != mine) return winner.value();
        loader.apply(key).whenComplete((v, e) -> {
            if (e != null || ttlMillis == 0) entries.remove(key, mine);
            if (e != null) mine.value().completeExceptionally(e); else mine.value().complete(v);
        });
        return mine.value();
    }

    /** Loads a fresh value for a stale entry, which keeps being served until the new one is in. */
    private void reload(K key, Function<K, CompletableFuture<V>> loader, Entry<V> stale) {
        loader.apply(key).whenComplete((v, e) -> {
            if (e == null) {
                entries.replace(key, stale, new Entry<>(CompletableFuture.completedFuture(v), clock.nowMillis(),
                        new AtomicBoolean()));
            } else {
                stale.reloading().set(false);
            }
        });
    }

    /** Replaces what is kept for {@code key} with a value known to be current. */
    public void put(K key, V value) {
        if (ttlMillis > 0) {
            entries.put(key, new Entry<>(CompletableFuture.completedFuture(value), clock.nowMillis(), new AtomicBoolean()));
        }
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    /** Forgets {@code key} unless its value was loaded less than {@code age} ago (or is being loaded). */
    public void invalidateIfOlderThan(K key, Duration age) {
        long now = clock.nowMillis();
        entries.computeIfPresent(key, (k, e) -> !e.value().isDone() || now - e.loadedAt() < age.toMillis() ? e : null);
    }

    public int size() {
        return entries.size();
    }
}
