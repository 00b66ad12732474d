package org.interlay.chord;

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
 * Chord (Stoica, Morris, Karger, Kaashoek, Balakrishnan: "Chord: A Scalable Peer-to-peer Lookup
 * Service for Internet Applications", SIGCOMM 2001, and its ToN 2003 version): key k belongs to
 * successor(k), the first node at or after k clockwise on the identifier circle.
 *
 * <p>Lookups go one node at a time, each closer to the key (parallelism 1), and end when the
 * successor a node names confirms that it is responsible. Records are copied to the first {@value #DEFAULT_REPLICAS} successors of
 * the responsible node: a record is lost only if its node and all those successors fail together,
 * which for a fifth of the nodes crashing at once happens to a record with probability
 * 0.2^9 = 5e-7, about one record in two million.
 */
public final class ChordAlgorithm implements OverlayAlgorithm, CheckableAlgorithm {
    public static final String NAME = "chord";
    public static final int DEFAULT_REPLICAS = 8;
    private static final LookupStyle STYLE = new LookupStyle(1, 1, DistanceOrder.CLOCKWISE_PRECEDING,
            Termination.SUCCESSOR_CONFIRMED);

    private final Function<NodeConfig, ChordConfig> configFor;

    /** Periods in the default proportions to each node's {@link NodeConfig#stabilizeMillis()}. */
    public ChordAlgorithm() {
        this.configFor = node -> ChordConfig.forStabilizePeriod(node.stabilizeMillis());
    }

    /** Every node with {@code config}. */
    public ChordAlgorithm(ChordConfig config) {
        Objects.requireNonNull(config, "config");
        this.configFor = node -> config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LookupStyle lookupStyle() {
        return STYLE;
    }

    @Override
    public int defaultReplicas() {
        return DEFAULT_REPLICAS;
    }

    @Override
    public RoutingAlgorithm create(NodeContext context) {
        return new ChordRouting(context, configFor.apply(context.config()));
    }

    @Override
    public Key responsible(GlobalView view, Key key) {
        return view.successor(key);
    }
}
