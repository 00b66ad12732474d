package org.interlay.discovery.jgroups;

import java.util.ArrayList;
import java.util.List;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Departure;
import org.interlay.discovery.DiscoveryListener;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.Source;

/** Writes down what a discoverer reports, refreshes left out: "found chord@n1", "expired chord@n1 LEFT". */
final class RecordingDiscoveryListener implements DiscoveryListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void found(OverlayAdvert advert, Source source) {
        events.add("found " + advert.key());
    }

    @Override
    public synchronized void changed(OverlayAdvert advert, Source source) {
        events.add("changed " + advert.key());
    }

    @Override
    public synchronized void expired(AdvertKey key, Source source, Departure departure) {
        events.add("expired " + key + " " + departure);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized boolean saw(String event) {
        return events.contains(event);
    }
}
