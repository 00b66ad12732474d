package org.interlay.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the directory knows about one overlay, merged from every node that advertises it.
 *
 * @param name           the overlay name
 * @param algorithm      its DHT algorithm
 * @param sipDomain      the SIP domain it serves
 * @param bootstrapPeers every bootstrap peer advertised, without repeats
 * @param sipEntryPoints every SIP entry point advertised, without repeats
 * @param routers        ids of the nodes advertising it as routers, sorted
 * @param nodes          ids of all nodes advertising it, sorted
 * @param sources        where it was learnt
 * @param lastSeen       when any source last saw it
 */
public record OverlayEntry(
        String name,
        Algorithm algorithm,
        String sipDomain,
        List<HostPort> bootstrapPeers,
        List<HostPort> sipEntryPoints,
        List<String> routers,
        List<String> nodes,
        Set<Source> sources,
        Instant lastSeen) {

    public OverlayEntry {
        bootstrapPeers = List.copyOf(bootstrapPeers);
        sipEntryPoints = List.copyOf(sipEntryPoints);
        routers = List.copyOf(routers);
        nodes = List.copyOf(nodes);
        sources = Set.copyOf(sources);
    }

    /** True when both say the same about the overlay, whenever it was seen. */
    public boolean sameContent(OverlayEntry other) {
        return name.equals(other.name)
                && algorithm.equals(other.algorithm)
                && sipDomain.equals(other.sipDomain)
                && bootstrapPeers.equals(other.bootstrapPeers)
                && sipEntryPoints.equals(other.sipEntryPoints)
                && routers.equals(other.routers)
                && nodes.equals(other.nodes)
                && sources.equals(other.sources);
    }
}
