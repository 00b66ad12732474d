package org.interlay.router.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.Test;

/** The binding cache of a location service, with time moved by hand: kept for its time to live, stale served while read again. */
class LocationServiceCacheTest {
    private static final Duration TTL = Duration.ofSeconds(2);
    private static final AddressOfRecord BOB = AddressOfRecord.parse("sip:bob@chord.lab");

    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock wall = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOverlay overlay = new InMemoryOverlay("chord", time);
    private final LocationService location = new LocationService(overlay, wall, Duration.ofHours(1), TTL);

    private <T> T now(CompletableFuture<T> future) {
        time.runFor(0); // what is due now, without moving time
        assertTrue(future.isDone(), "the overlay answers");
        return future.join();
    }

    private void bind(String contact, Duration expires) {
        now(location.update(BOB, (current, at) -> new BindingSet(BOB,
                List.of(new Binding(contact, at.plus(expires), 1000, "call-1", 1)))));
    }

    private String contactFound() {
        Optional<BindingSet> found = now(location.find(BOB));
        return found.orElseThrow().bindings().get(0).contact();
    }

    @Test
    void aBindingReadForRoutingIsKeptForItsTimeToLive() {
        bind("sip:bob@127.0.0.1:6001", Duration.ofHours(1));
        int reads = overlay.gets();
        time.runFor(TTL.toMillis() - 1);
        assertEquals("sip:bob@127.0.0.1:6001", contactFound());
        assertEquals(reads, overlay.gets(), "an update through this peer goes into the cache");
    }

    @Test
    void aStaleBindingIsServedAtOnceWhileAFreshOneIsRead() {
        bind("sip:bob@127.0.0.1:6001", Duration.ofHours(1));
        // another peer registers a new contact: the overlay has it, this peer's cache does not
        now(new LocationService(overlay, wall, Duration.ofHours(1), Duration.ZERO).update(BOB, (current, at) ->
                new BindingSet(BOB, List.of(new Binding("sip:bob@127.0.0.1:6002", at.plusSeconds(3600), 1000, "call-2", 1)))));
        time.runFor(TTL.toMillis());
        CompletableFuture<Optional<BindingSet>> stale = location.find(BOB);
        assertTrue(stale.isDone(), "served at once");
        assertEquals("sip:bob@127.0.0.1:6001", stale.join().orElseThrow().bindings().get(0).contact());
        time.runFor(0);
        assertEquals("sip:bob@127.0.0.1:6002", contactFound(), "the fresh read replaced it");
    }

    @Test
    void beyondItsGraceABindingIsReadAgainBeforeItIsUsed() {
        bind("sip:bob@127.0.0.1:6001", Duration.ofHours(1));
        int reads = overlay.gets();
        time.runFor(TTL.toMillis() * 6);
        CompletableFuture<Optional<BindingSet>> fresh = location.find(BOB);
        assertTrue(!fresh.isDone(), "not served from the cache");
        assertEquals("sip:bob@127.0.0.1:6001", now(fresh).orElseThrow().bindings().get(0).contact());
        assertEquals(reads + 1, overlay.gets());
    }

    @Test
    void aCachedContactIsNotLiveOnceItsExpiryHasPassed() {
        bind("sip:bob@127.0.0.1:6001", Duration.ofSeconds(1));
        time.runFor(999);
        assertEquals(1, now(location.find(BOB)).orElseThrow().live(wall.instant()).size());
        time.runFor(1);
        assertEquals(0, now(location.find(BOB)).orElseThrow().live(wall.instant()).size(),
                "expiry is checked at use, whatever the cache holds");
    }
}
