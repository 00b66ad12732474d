package org.interlay.overlay.node;

import java.util.Set;
import org.interlay.overlay.NodeRef;

/**
 * One node's routing state as a simulator checks it: an algorithm's {@link RoutingAlgorithm}
 * implements this beside it. A running node never calls it; simulations and tests do, to know when
 * an overlay is stable and what a node knows.
 */
public interface CheckableRouting {
    /** True when this node's routing state matches the global view. */
    boolean agreesWith(GlobalView view);

    /** Every node this node's routing state names (fingers and neighbours, leaf set and tables, k-buckets). */
    Set<NodeRef> contacts();
}
