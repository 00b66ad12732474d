package org.interlay.overlay.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * A kind of DHT, found at run time with {@link ServiceLoader}: a fourth algorithm is one new module
 * with a {@code META-INF/services/org.interlay.overlay.node.OverlayAlgorithm} file. To be simulated,
 * it also implements {@link CheckableAlgorithm}, and its routing {@link CheckableRouting}.
 */
public interface OverlayAlgorithm {
    /** Lower-case name: chord, pastry, kademlia. */
    String name();

    LookupStyle lookupStyle();

    /** Copies of each record beside the responsible node's own. */
    int defaultReplicas();

    RoutingAlgorithm create(NodeContext context);

    static List<OverlayAlgorithm> all() {
        List<OverlayAlgorithm> found = new ArrayList<>();
        ServiceLoader.load(OverlayAlgorithm.class).forEach(found::add);
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    /** The algorithm called {@code name}; the error lists the ones there are. */
    static OverlayAlgorithm named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<OverlayAlgorithm> all = all();
        for (OverlayAlgorithm a : all) {
            if (a.name().equals(wanted)) return a;
        }
        throw new IllegalArgumentException("no overlay algorithm '" + name + "'; known: "
                + all.stream().map(OverlayAlgorithm::name).toList());
    }
}
