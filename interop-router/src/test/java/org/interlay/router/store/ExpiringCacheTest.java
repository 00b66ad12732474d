package org.interlay.router.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private final ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(2), Duration.ofSeconds(8), 100,
            time);
    private final List<CompletableFuture<Integer>> loads = new ArrayList<>();

    private CompletableFuture<Integer> load(String key) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        loads.add(f);
        return f;
    }

    private void advance(Duration d) {
        time.runFor(d.toMillis());
    }

    @Test
    void concurrentRequestsShareOneLoadAndTheValueIsKeptForItsTimeToLive() {
        CompletableFuture<Integer> a = cache.get("k", this::load);
        CompletableFuture<Integer> b = cache.get("k", this::load);
        assertSame(a, b);
        assertEquals(1, loads.size());
        loads.get(0).complete(7);
        advance(Duration.ofSeconds(1));
        assertEquals(7, cache.get("k", this::load).join());
        assertEquals(1, loads.size());
    }

    @Test
    void staleValueIsServedWhileAFreshOneLoads() {
        cache.get("k", this::load);
        loads.get(0).complete(1);
        advance(Duration.ofSeconds(3));
        assertEquals(1, cache.get("k", this::load).join(), "stale but within grace: served at once");
        assertEquals(2, loads.size(), "and reloaded in the background");
        assertEquals(1, cache.get("k", this::load).join());
        assertEquals(2, loads.size(), "one reload at a time");
        loads.get(1).complete(2);
        assertEquals(2, cache.get("k", this::load).join());
    }

    @Test
    void valueBeyondGraceIsLoadedAgainAndFailuresAreNotKept() {
        cache.get("k", this::load);
        loads.get(0).complete(1);
        advance(Duration.ofSeconds(11));
        CompletableFuture<Integer> fresh = cache.get("k", this::load);
        assertFalse(fresh.isDone());
        loads.get(1).completeExceptionally(new IllegalStateException("overlay down"));
        assertTrue(fresh.isCompletedExceptionally());
        cache.get("k", this::load);
        assertEquals(3, loads.size(), "a failed load is tried again");
    }

    @Test
    void putAndInvalidate() {
        cache.put("k", 5);
        assertEquals(5, cache.get("k", this::load).join());
        cache.invalidateIfOlderThan("k", Duration.ofSeconds(1));
        assertEquals(5, cache.get("k", this::load).join(), "too fresh to drop");
        advance(Duration.ofMillis(1500));
        cache.invalidateIfOlderThan("k", Duration.ofSeconds(1));
        cache.get("k", this::load);
        assertEquals(1, loads.size());
    }
}
