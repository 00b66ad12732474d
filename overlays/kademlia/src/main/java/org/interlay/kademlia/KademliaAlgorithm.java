package org.interlay.kademlia;

import org.interlay.overlay.Key;
import org.interlay.overlay.node.CheckableAlgorithm;
import org.interlay.overlay.node.DistanceOrder;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.LookupStyle;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.RoutingAlgorithm;
import org.interlay.overlay.node.Termination;

/**
 * Kademlia (Maymounkov and Mazieres, "Kademlia: A Peer-to-peer Information System Based on the XOR
 * Metric", IPTPS 2002): nodes and keys share one 160-bit id space, the distance between two ids is
 * their XOR, and a key lives on the k nodes closest to it.
 *
 * <p>Lookups are iterative with alpha queries in flight (section 2.3). A lookup of the responsible node
 * ends when the closest node heard of has answered without naming a closer one; a bucket refresh, when
 * the k closest heard of have all answered. The node closest of all is the responsible one, and the other
 * k - 1 hold copies.
 */
public final class KademliaAlgorithm implements OverlayAlgorithm, CheckableAlgorithm {
    public static final String NAME = "kademlia";

    private final KademliaConfig config;

    /** With the paper's settings; the constructor {@link java.util.ServiceLoader} uses. */
    public KademliaAlgorithm() {
        this(KademliaConfig.DEFAULT);
    }

    public KademliaAlgorithm(KademliaConfig config) {
        this.config = config;
    }

    public KademliaConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LookupStyle lookupStyle() {
        return new LookupStyle(config.alpha(), config.k(), DistanceOrder.XOR, Termination.CLOSEST_ANSWERED);
    }

    /** Section 2.5 stores every value on the k closest nodes: the responsible one and k - 1 more. */
    @Override
    public int defaultReplicas() {
        return config.k() - 1;
    }

    @Override
    public RoutingAlgorithm create(NodeContext context) {
        return new KademliaRouting(context, config);
    }

    @Override
    public Key responsible(GlobalView view, Key key) {
        return view.xorClosest(key);
    }
}
