package org.interlay.discovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one source has told its listener so far. A discoverer reports every advert it sees here;
 * the ledger turns that into found, changed or refreshed, and losses into expired, each once and in order.
 * Thread-safe; the listener is called with the ledger's lock held, so calls never overlap.
 */
public final class SightingLedger {

    private final Source source;
    private final DiscoveryListener listener;
    private final Map<AdvertKey, OverlayAdvert> seen = new HashMap<>();

    public SightingLedger(Source source, DiscoveryListener listener) {
        this.source = source;
        this.listener = listener;
    }

    /** The source sees this advert now. */
    public synchronized void saw(OverlayAdvert advert) {
        OverlayAdvert previous = seen.put(advert.key(), advert);
        if (previous == null) {
            listener.found(advert, source);
        } else if (!previous.equals(advert)) {
            listener.changed(advert, source);
        } else {
            listener.refreshed(advert.key(), source);
        }
    }

    /** The source no longer sees this advert; nothing happens if it was not seen. */
    public synchronized void lost(AdvertKey key, Departure departure) {
        if (seen.remove(key) != null) {
            listener.expired(key, source, departure);
        }
    }

    /** The source no longer sees any advert matching the filter. */
    public synchronized void lostAll(Predicate<AdvertKey> filter, Departure departure) {
        for (AdvertKey key : List.copyOf(seen.keySet())) {
            if (filter.test(key)) {
                lost(key, departure);
            }
        }
    }

    public synchronized Set<AdvertKey> keys() {
        return Set.copyOf(seen.keySet());
    }
}
