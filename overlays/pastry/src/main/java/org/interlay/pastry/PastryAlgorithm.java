package org.interlay.pastry;

import java.util.Objects;
import java.util.function.Function;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.CheckableAlgorithm;
import org.interlay.overlay.node.DistanceOrder;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.LookupStyle;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.RoutingAlgorithm;
import org.interlay.overlay.node.Termination;

/**
 * Pastry (Rowstron and Druschel, "Pastry: Scalable, decentralized object location and routing for
 * large-scale peer-to-peer systems", Middleware 2001): prefix routing in base 2^b with a leaf set for the
 * last hop, a key's root being the live node numerically closest to it.
 *
 * <p>Lookups are driven one query at a time and end when a node whose leaf set covers the key names the
 * root; candidates rank by shared prefix, then numeric closeness. Each record is kept by its root and
 * copied to the {@value #REPLICAS} leaves numerically closest to its key (section 3, PAST's k closest
 * nodes): for a record to be lost in a simultaneous crash of a fraction f of the nodes all nine holders
 * must fail, probability f^9 (5e-7 at f = 0.2), and the leaf set of 16 always holds the nine.
 */
public final class PastryAlgorithm implements OverlayAlgorithm, CheckableAlgorithm {
    static final int REPLICAS = 8;

    private final PastryConfig config;
    private final Function<NodeConfig, PastryConfig> configFor;

    /**
     * With the paper's parameters (b = 4, |L| = 16, |M| = 32) and periods in proportion to each node's
     * maintenance period; the constructor ServiceLoader uses.
     */
    public PastryAlgorithm() {
        this.config = PastryConfig.DEFAULT;
        this.configFor = node -> PastryConfig.forNode(node);
    }

    /** Every node with {@code config}. */
    public PastryAlgorithm(PastryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.configFor = node -> config;
    }

    @Override
    public String name() {
        return "pastry";
    }

    @Override
    public LookupStyle lookupStyle() {
        return lookupStyle(config);
    }

    static LookupStyle lookupStyle(PastryConfig config) {
        return new LookupStyle(1, 1, DistanceOrder.prefixThenNumeric(config.bitsPerDigit()), Termination.ROOT_NAMED);
    }

    @Override
    public int defaultReplicas() {
        return Math.min(REPLICAS, config.leafSetSize() / 2);
    }

    @Override
    public RoutingAlgorithm create(NodeContext context) {
        return new PastryRouting(context, configFor.apply(context.config()));
    }

    @Override
    public Key responsible(GlobalView view, Key key) {
        return view.numericallyClosest(key);
    }
}
