package org.interlay.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every current sighting of one overlay, by node and by source. All sightings agree on the
 * overlay's algorithm and domain. Not thread-safe: the directory guards it.
 */
final class OverlaySightings {

    private record Sighting(OverlayAdvert advert, Instant lastSeen) {
    }

    private final String name;
    private final Map<String, Map<Source, Sighting>> byNode = new TreeMap<>();

    OverlaySightings(String name) {
        this.name = name;
    }

    /** True when another node's sighting gives this overlay a different algorithm or domain. */
    boolean conflictsWith(OverlayAdvert advert) {
        return byNode.entrySet().stream()
                .filter(node -> !node.getKey().equals(advert.nodeId()))
                .flatMap(node -> node.getValue().values().stream())
                .anyMatch(sighting -> !sighting.advert().agreesWith(advert));
    }

    /** Records a sighting; this node's sightings from other sources that now disagree are dropped. */
    void put(OverlayAdvert advert, Source source, Instant now) {
        Map<Source, Sighting> sources = byNode.computeIfAbsent(advert.nodeId(), id -> new EnumMap<>(Source.class));
        sources.values().removeIf(sighting -> !sighting.advert().agreesWith(advert));
        sources.put(source, new Sighting(advert, now));
    }

    /** Moves a sighting's last-seen time; false when there is no such sighting. */
    boolean touch(String nodeId, Source source, Instant now) {
        Map<Source, Sighting> sources = byNode.get(nodeId);
        Sighting sighting = sources == null ? null : sources.get(source);
        if (sighting == null) {
            return false;
        }
        sources.put(source, new Sighting(sighting.advert(), now));
        return true;
    }

    void remove(String nodeId, Source source) {
        Map<Source, Sighting> sources = byNode.get(nodeId);
        if (sources != null) {
            sources.remove(source);
            if (sources.isEmpty()) {
                byNode.remove(nodeId);
            }
        }
    }

    /** Removes the node's sightings from every source that watches the network (not static entries). */
    void removeLive(String nodeId) {
        for (Source source : Source.values()) {
            if (source != Source.STATIC) {
                remove(nodeId, source);
            }
        }
    }

    /** Removes sightings whose source has a maximum age and that were not seen within it. */
    int removeOlderThan(Map<Source, Duration> maxAge, Instant now) {
        int removed = 0;
        for (String nodeId : Set.copyOf(byNode.keySet())) {
            for (Map.Entry<Source, Sighting> entry : Map.copyOf(byNode.get(nodeId)).entrySet()) {
                Duration limit = maxAge.get(entry.getKey());
                if (limit != null && entry.getValue().lastSeen().plus(limit).isBefore(now)) {
                    remove(nodeId, entry.getKey());
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Each node's advert, as the source that saw it last has it; in node order. */
    List<OverlayAdvert> adverts() {
        List<OverlayAdvert> adverts = new ArrayList<>();
        for (Map<Source, Sighting> sources : byNode.values()) {
            sources.values().stream().max(Comparator.comparing(Sighting::lastSeen))
                    .ifPresent(sighting -> adverts.add(sighting.advert()));
        }
        return adverts;
    }

    boolean isEmpty() {
        return byNode.isEmpty();
    }

    /** The merged view: lists in node order without repeats, the newest last-seen time. */
    OverlayEntry toEntry() {
        Set<HostPort> boot = new LinkedHashSet<>();
        Set<HostPort> sip = new LinkedHashSet<>();
        Set<String> routers = new TreeSet<>();
        Set<Source> sources = new TreeSet<>();
        Instant lastSeen = Instant.MIN;
        OverlayAdvert any = null;
        for (Map.Entry<String, Map<Source, Sighting>> node : byNode.entrySet()) {
            for (Map.Entry<Source, Sighting> entry : node.getValue().entrySet()) {
                OverlayAdvert advert = entry.getValue().advert();
                any = advert;
                boot.addAll(advert.bootstrapPeers());
                sip.addAll(advert.sipEntryPoints());
                if (advert.role() == NodeRole.ROUTER) {
                    routers.add(node.getKey());
                }
                sources.add(entry.getKey());
                if (entry.getValue().lastSeen().isAfter(lastSeen)) {
                    lastSeen = entry.getValue().lastSeen();
                }
            }
        }
        if (any == null) {
            throw new IllegalStateException("no sightings of " + name);
        }
        return new OverlayEntry(name, any.algorithm(), any.sipDomain(), boot.stream().toList(), sip.stream().toList(),
                List.copyOf(routers), List.copyOf(byNode.keySet()), sources, lastSeen);
    }
}
