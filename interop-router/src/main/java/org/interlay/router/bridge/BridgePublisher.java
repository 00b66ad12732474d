package org.interlay.router.bridge;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.router.store.StoredRecords;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this router's bridge records for the pairs it is assigned: for a pair (A, B), "B through me"
 * into overlay A and "A through me" into overlay B, at once and then every refresh period, each living
 * {@code ttl}. A write that fails (an overlay still forming or repairing) is tried again a second
 * later, a few times, rather than only at the next refresh. A pair taken away is simply no longer
 * refreshed: the router that took it over writes its own record, and a dead router's record expires.
 */
public final class BridgePublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BridgePublisher.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final int RETRIES = 5;

    private final String routerId;
    private final String sipUri;
    private final Function<String, Optional<Overlay>> overlays;
    private final InstantSource clock;
    private final Duration ttl;
    private final Scheduler timers;
    private final Timer refresher;
    private volatile Set<DomainPair> pairs = Set.of();

    public BridgePublisher(String routerId, String sipUri, Function<String, Optional<Overlay>> overlays,
                           InstantSource clock, Duration ttl, Duration refresh, Scheduler timers) {
        if (refresh.compareTo(ttl) >= 0) throw new IllegalArgumentException("refresh must be shorter than the records' life");
        this.routerId = routerId;
        this.sipUri = sipUri;
        this.overlays = overlays;
        this.clock = clock;
        this.ttl = ttl;
        this.timers = timers;
        this.refresher = timers.repeat(refresh.toMillis(), refresh.toMillis(), this::publishAll);
    }

    /** The pairs this router bridges from now on; new ones are written at once. */
    public void assign(Set<DomainPair> assigned) {
        Set<DomainPair> before = pairs;
        pairs = Set.copyOf(assigned);
        for (DomainPair p : pairs) {
            if (!before.contains(p)) publish(p);
        }
    }

    public Set<DomainPair> assigned() {
        return pairs;
    }

    private void publishAll() {
        pairs.forEach(this::publish);
    }

    private void publish(DomainPair pair) {
        write(pair, pair.first(), pair.second(), RETRIES);
        write(pair, pair.second(), pair.first(), RETRIES);
    }

    /** Stores "requests for {@code target} go through this router" in the overlay of {@code home}. */
    private void write(DomainPair pair, String home, String target, int retriesLeft) {
        Optional<Overlay> overlay = overlays.apply(home);
        if (overlay.isEmpty()) return;
        Bridge bridge = new Bridge(target, routerId, sipUri);
        Record record = StoredRecords.create(overlay.get(), BridgeCodec.KIND, Bridge.recordName(target),
                BridgeCodec.encode(bridge), routerId, ttl, Optional.empty(), clock.instant());
        overlay.get().put(record).whenComplete((v, e) -> {
            if (e == null) return;
            log.debug("cannot write the bridge to {} in {}: {}", target, home, e.toString());
            if (retriesLeft == 0 || !pairs.contains(pair)) return;
            timers.schedule(RETRY_AFTER.toMillis(), () -> {
                if (pairs.contains(pair)) write(pair, home, target, retriesLeft - 1);
            });
        });
    }

    @Override
    public void close() {
        refresher.cancel();
        pairs = Set.of();
    }
}
