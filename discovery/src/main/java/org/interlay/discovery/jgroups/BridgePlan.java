package org.interlay.discovery.jgroups;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which router bridges each pair of overlays; pairs that no live router serves are absent. */
public record BridgePlan(Map<OverlayPair, String> bridges) {

    private static final Comparator<OverlayPair> PAIR_ORDER =
            Comparator.comparing(OverlayPair::first).thenComparing(OverlayPair::second);

    public BridgePlan {
        SortedMap<OverlayPair, String> sorted = new TreeMap<>(PAIR_ORDER);
        sorted.putAll(bridges);
        bridges = Collections.unmodifiableSortedMap(sorted);
    }

    public Optional<String> routerFor(OverlayPair pair) {
        return Optional.ofNullable(bridges.get(pair));
    }

    /** The pairs a router bridges, in name order. */
    public List<OverlayPair> pairsBridgedBy(String routerId) {
        return bridges.entrySet().stream().filter(e -> e.getValue().equals(routerId)).map(Map.Entry::getKey).toList();
    }
}
