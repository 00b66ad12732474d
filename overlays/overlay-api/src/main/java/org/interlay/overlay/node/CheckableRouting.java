package org.interlay.overlay.node;

/**
 * One node's routing state as a simulator checks it: an algorithm's {@link RoutingAlgorithm}
 * implements this beside it. A running node never calls it; simulations and tests do, to know when
 * an overlay is stable.
 */
public interface CheckableRouting {
    /** True when this node's routing state matches the global view. */
    boolean agreesWith(GlobalView view);
}
