package org.interlay.shell;

import org.interlay.chord.ChordAlgorithm;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.CheckableAlgorithm;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.LookupStyle;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.RoutingAlgorithm;

/**
 * A fourth algorithm, installed only in these tests through {@code META-INF/services}: Chord's
 * routing under the name "ring". Discovery, the router and the shell learn of it from
 * {@link java.util.ServiceLoader} alone, as they would of a new algorithm module.
 */
public final class RingAlgorithm implements OverlayAlgorithm, CheckableAlgorithm {
    public static final String NAME = "ring";

    private final ChordAlgorithm routing = new ChordAlgorithm();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LookupStyle lookupStyle() {
        return routing.lookupStyle();
    }

    @Override
    public int defaultReplicas() {
        return routing.defaultReplicas();
    }

    @Override
    public RoutingAlgorithm create(NodeContext context) {
        return routing.create(context);
    }

    @Override
    public Key responsible(GlobalView view, Key key) {
        return routing.responsible(view, key);
    }
}
