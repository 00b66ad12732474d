package org.interlay.router.bridge;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which router bridges each pair of domains; pairs that no live router serves are absent. */
public record BridgePlan(Map<DomainPair, String> bridges) {

    private static final Comparator<DomainPair> PAIR_ORDER =
            Comparator.comparing(DomainPair::first).thenComparing(DomainPair::second);

    public BridgePlan {
        SortedMap<DomainPair, String> sorted = new TreeMap<>(PAIR_ORDER);
        sorted.putAll(bridges);
        bridges = Collections.unmodifiableSortedMap(sorted);
    }

    public Optional<String> routerFor(DomainPair pair) {
        return Optional.ofNullable(bridges.get(pair));
    }

    /** The pairs a router bridges, in name order. */
    public List<DomainPair> pairsBridgedBy(String routerId) {
        return bridges.entrySet().stream().filter(e -> e.getValue().equals(routerId)).map(Map.Entry::getKey).toList();
    }
}
