package org.interlay.router.location;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.router.store.ExpiringCache;
import org.interlay.router.store.KeyedSequencer;
import org.interlay.router.store.StoredRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bindings of one domain, kept in that domain's overlay: one record per address of record, under
 * the hash of {@code sip:user@domain}. A record outlives its last contact by {@code memory}, so a user
 * whose registration lapsed is told apart from one never seen (480 rather than 404). Reads for routing
 * go through a short cache (a stale binding is served while a fresh read is under way, and contact
 * expiry is checked at use, so an expired contact is never used); updates through this peer are
 * applied one at a time per address and go into the cache at once. Expiries and the cache's ages are
 * read from the one clock it is given.
 */
public final class LocationService {
    private static final Logger log = LoggerFactory.getLogger(LocationService.class);
    private static final int CACHE_CAPACITY = 100_000;
    /** How many times the cache's time to live a binding may be served while a fresh read is under way. */
    private static final int STALE_FACTOR = 5;

    private final Overlay overlay;
    private final InstantSource clock;
    private final Duration memory;
    private final ExpiringCache<AddressOfRecord, Optional<BindingSet>> cache;
    private final KeyedSequencer<AddressOfRecord> updates = new KeyedSequencer<>();

    /**
     * @param memory   how long a binding record is kept after its last contact expired
     * @param cacheTtl how long a binding read for routing is reused; zero reads the overlay every time
     */
    public LocationService(Overlay overlay, InstantSource clock, Duration memory, Duration cacheTtl) {
        this.overlay = overlay;
        this.clock = clock;
        this.memory = memory;
        this.cache = new ExpiringCache<>(cacheTtl, cacheTtl.multipliedBy(STALE_FACTOR), CACHE_CAPACITY, clock::millis);
    }

    /** The bindings of {@code aor}, possibly as read a moment ago; empty when the overlay holds none. */
    public CompletableFuture<Optional<BindingSet>> find(AddressOfRecord aor) {
        return cache.get(aor, this::read);
    }

    /**
     * Reads the bindings of {@code aor}, applies {@code change} and stores the result. The change may
     * refuse by throwing; the future then fails with that exception.
     */
    public CompletableFuture<BindingSet> update(AddressOfRecord aor, BindingChange change) {
        return updates.run(aor, () -> overlay.get(key(aor)).thenCompose(existing -> {
            Instant now = clock.instant();
            BindingSet current = existing.map(r -> decodeOrEmpty(aor, r)).orElse(BindingSet.empty(aor));
            BindingSet next;
            try {
                next = change.apply(current, now);
            } catch (BindingRefusedException e) {
                throw new CompletionException(e);
            }
            Duration ttl = Duration.between(now, next.lastExpiry(now)).plus(memory);
            Record record = StoredRecords.create(overlay, BindingCodec.KIND, aor.toString(), BindingCodec.encode(next),
                    aor.toString(), ttl, existing, now);
            return overlay.put(record).thenApply(v -> {
                cache.put(aor, Optional.of(next));
                return next;
            });
        }));
    }

    /** The overlay key of an address of record's bindings. */
    public static Key key(AddressOfRecord aor) {
        return Key.hash(aor.toString());
    }

    public Overlay overlay() {
        return overlay;
    }

    private CompletableFuture<Optional<BindingSet>> read(AddressOfRecord aor) {
        return overlay.get(key(aor)).thenApply(found -> {
            if (found.isEmpty()) return Optional.empty();
            try {
                return Optional.of(BindingCodec.decode(aor, found.get().value()));
            } catch (RecordFormatException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static BindingSet decodeOrEmpty(AddressOfRecord aor, Record record) {
        try {
            return BindingCodec.decode(aor, record.value());
        } catch (RecordFormatException e) {
            log.info("replacing an unreadable binding record of {}: {}", aor, e.getMessage());
            return BindingSet.empty(aor);
        }
    }

    /** A change to the bindings of one address, applied on the current set at time {@code now}. */
    @FunctionalInterface
    public interface BindingChange {
        BindingSet apply(BindingSet current, Instant now) throws BindingRefusedException;
    }
}
