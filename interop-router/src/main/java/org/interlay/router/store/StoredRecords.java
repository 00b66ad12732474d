package org.interlay.router.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;

/**
 * Builds records for the overlay. Versions come from the wall clock (microseconds) and always exceed
 * the version being replaced, so a write made through any peer supersedes what it read; expiry is
 * set on the overlay node's own clock, as the overlay counts it.
 */
public final class StoredRecords {
    /** The longest time to live a record may have on the wire. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private StoredRecords() {
    }

    public static Record create(Overlay overlay, String kind, String name, byte[] value, String owner, Duration ttl,
                                Optional<Record> previous, Instant now) {
        long ttlMillis = Math.max(1, Math.min(ttl.toMillis(), MAX_TTL.toMillis()));
        long version = Math.max(previous.map(r -> r.version() + 1).orElse(1L), now.toEpochMilli() * 1000);
        return Record.of(kind, name, value, owner, overlay.clock().nowMillis(), ttlMillis).withVersion(version);
    }
}
