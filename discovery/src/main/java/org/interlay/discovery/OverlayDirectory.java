package org.interlay.discovery;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.interlay.time.Clock;
import org.interlay.time.WallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every overlay found on the network, merged from all discoverers and static entries.
 * It listens to discoverers ({@link DiscoveryListener}) and tells its own listeners when an
 * overlay is added, changes or is removed. Whichever source sees an overlay first puts it in;
 * it leaves when its last sighting ends. An advert whose algorithm or domain contradicts other
 * nodes' adverts for the same overlay is rejected. Thread-safe.
 */
public final class OverlayDirectory implements DiscoveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(OverlayDirectory.class);

    private final InstantSource clock;
    private final Map<Source, Duration> maxAge;
    private final Object lock = new Object();
    private final Map<String, OverlaySightings> overlays = new TreeMap<>();
    private final List<DirectoryListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialDispatcher dispatcher = new SerialDispatcher();
    private final AtomicLong conflictsRejected = new AtomicLong();

    /** A directory on the real clock where sightings never age out (sources report their own losses). */
    public OverlayDirectory() {
        this(WallClock.system(Clock.system()), Map.of());
    }

    /**
     * @param clock  the time stamped on sightings
     * @param maxAge for a source, how long a sighting lasts without being refreshed;
     *               sources not in the map are never aged out by the directory
     */
    public OverlayDirectory(InstantSource clock, Map<Source, Duration> maxAge) {
        this.clock = clock;
        this.maxAge = maxAge.isEmpty() ? Map.of() : new EnumMap<>(maxAge);
    }

    @Override
    public void found(OverlayAdvert advert, Source source) {
        record(advert, source);
    }

    @Override
    public void changed(OverlayAdvert advert, Source source) {
        record(advert, source);
    }

    @Override
    public void refreshed(AdvertKey key, Source source) {
        synchronized (lock) {
            OverlaySightings sightings = overlays.get(key.overlayName());
            if (sightings != null) {
                sightings.touch(key.nodeId(), source, clock.instant());
            }
        }
    }

    @Override
    public void expired(AdvertKey key, Source source, Departure departure) {
        update(key.overlayName(), sightings -> {
            if (departure.endsAllSightings()) {
                sightings.removeLive(key.nodeId());
            } else {
                sightings.remove(key.nodeId(), source);
            }
        });
    }

    /** Removes sightings older than their source's maximum age; returns how many. */
    public int expireStale() {
        int removed = 0;
        synchronized (lock) {
            Instant now = clock.instant();
            for (String name : List.copyOf(overlays.keySet())) {
                OverlayEntry before = overlays.get(name).toEntry();
                int count = overlays.get(name).removeOlderThan(maxAge, now);
                if (count > 0) {
                    removed += count;
                    announce(name, before);
                }
            }
        }
        dispatcher.drain();
        return removed;
    }

    /** Every known overlay, by name. */
    public List<OverlayEntry> overlays() {
        synchronized (lock) {
            return overlays.values().stream().map(OverlaySightings::toEntry).toList();
        }
    }

    /** Every node's advert of every known overlay (one per node and overlay), by overlay then node. */
    public List<OverlayAdvert> adverts() {
        synchronized (lock) {
            return overlays.values().stream().flatMap(sightings -> sightings.adverts().stream()).toList();
        }
    }

    public Optional<OverlayEntry> overlay(String name) {
        synchronized (lock) {
            return Optional.ofNullable(overlays.get(name)).map(OverlaySightings::toEntry);
        }
    }

    /** The overlay serving a SIP domain (compared case-insensitively), if one is known. */
    public Optional<OverlayEntry> overlayServing(String sipDomain) {
        return overlays().stream().filter(entry -> entry.sipDomain().equalsIgnoreCase(sipDomain)).findFirst();
    }

    /** Adds a listener; it is first told of every overlay already known, as additions. */
    public void addListener(DirectoryListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            for (OverlaySightings sightings : overlays.values()) {
                OverlayEntry entry = sightings.toEntry();
                dispatcher.enqueue(() -> listener.added(entry));
            }
        }
        dispatcher.drain();
    }

    public void removeListener(DirectoryListener listener) {
        listeners.remove(listener);
    }

    /** How many adverts were rejected because they contradicted other nodes' adverts for the overlay. */
    public long conflictsRejected() {
        return conflictsRejected.get();
    }

    private void record(OverlayAdvert advert, Source source) {
        update(advert.overlayName(), sightings -> {
            if (sightings.conflictsWith(advert)) {
                if (conflictsRejected.incrementAndGet() == 1) {
                    LOG.info("Ignoring advert {} from {}: {} {} contradicts other nodes' adverts (more at debug)",
                            advert.key(), source, advert.algorithm().name(), advert.sipDomain());
                } else {
                    LOG.debug("Ignoring contradicting advert {} from {}", advert, source);
                }
                return;
            }
            sightings.put(advert, source, clock.instant());
        });
    }

    /** Applies a change to one overlay's sightings and announces the difference it made. */
    private void update(String name, Consumer<OverlaySightings> change) {
        synchronized (lock) {
            OverlaySightings sightings = overlays.get(name);
            OverlayEntry before = sightings == null ? null : sightings.toEntry();
            if (sightings == null) {
                sightings = new OverlaySightings(name);
                overlays.put(name, sightings);
            }
            change.accept(sightings);
            announce(name, before);
        }
        dispatcher.drain();
    }

    /** Queues the events for the change of one overlay from {@code before}; call with the lock held. */
    private void announce(String name, OverlayEntry before) {
        OverlaySightings sightings = overlays.get(name);
        if (sightings.isEmpty()) {
            overlays.remove(name);
            if (before != null) {
                LOG.debug("Overlay {} removed", name);
                listeners.forEach(listener -> dispatcher.enqueue(() -> listener.removed(before)));
            }
            return;
        }
        OverlayEntry after = sightings.toEntry();
        if (before == null) {
            LOG.debug("Overlay {} added from {}", name, after.sources());
            listeners.forEach(listener -> dispatcher.enqueue(() -> listener.added(after)));
        } else if (!before.sameContent(after)) {
            listeners.forEach(listener -> dispatcher.enqueue(() -> listener.changed(before, after)));
        }
    }
}
