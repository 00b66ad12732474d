package org.interlay.overlay.sim;

import org.interlay.overlay.node.CheckableAlgorithm;
import org.interlay.overlay.node.CheckableRouting;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;

/** The checking side of an algorithm, which a simulated cluster needs; an algorithm without it cannot be simulated. */
final class ViewChecks {
    private ViewChecks() {}

    static CheckableAlgorithm of(OverlayAlgorithm algorithm) {
        if (algorithm instanceof CheckableAlgorithm c) return c;
        throw new IllegalArgumentException(algorithm.name() + " cannot be simulated: its OverlayAlgorithm does not "
                + "implement CheckableAlgorithm");
    }

    static CheckableRouting of(OverlayNode node) {
        if (node.routing() instanceof CheckableRouting c) return c;
        throw new IllegalArgumentException(node.algorithm() + " cannot be simulated: its RoutingAlgorithm does not "
                + "implement CheckableRouting");
    }
}
