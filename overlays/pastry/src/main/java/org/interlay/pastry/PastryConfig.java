package org.interlay.pastry;

import org.interlay.overlay.Key;
import org.interlay.overlay.node.NodeConfig;

/**
 * Pastry's parameters (Rowstron and Druschel, section 2.1) and the periods of its maintenance.
 *
 * @param bitsPerDigit       b: ids are read as digits of base 2^b; a routing table row has 2^b entries
 * @param leafSetSize        |L|: the |L|/2 numerically closest smaller and |L|/2 larger nodes
 * @param neighbourhoodSize  |M|: the nodes closest by network proximity
 * @param periods            how often each maintenance task runs, and how long silence is tolerated
 * @param maxFallbacks       at most this many nodes in one forwarding answer (the next hop and its fall-backs)
 * @param proximityProbesPerExchange at most this many nodes learnt from a row exchange are probed only to
 *                           see whether they are closer than a routing table entry already held
 */
public record PastryConfig(int bitsPerDigit, int leafSetSize, int neighbourhoodSize, Periods periods,
                           int maxFallbacks, int proximityProbesPerExchange) {
    /** The paper's b, |L| and |M|, with the periods of a node of {@link NodeConfig#defaults}. */
    public static final PastryConfig DEFAULT = forNode(NodeConfig.defaults("pastry"));

    /**
     * The periods, in milliseconds.
     *
     * @param keepAlive        how often a node pings its nearest leaf on each side if it has not heard from
     *                         it meanwhile (section 2.4, "neighbouring nodes periodically exchange keep-alive
     *                         messages")
     * @param failureTimeout   T: a leaf that has not answered a keep-alive this long after it was sent is
     *                         presumed failed, and the members of its leaf set are notified
     * @param leafSetExchange  how often the leaf set is exchanged with one leaf in turn
     * @param tableMaintenance how often one routing table row is exchanged with an entry of that row, and
     *                         stale entries of the routing table and neighbourhood set are pinged
     * @param entryProbe       an entry (of any of the three sets) not heard from for this long is pinged
     * @param failedMemory     how long a node that did not answer is not probed again on hearsay
     */
    public record Periods(long keepAlive, long failureTimeout, long leafSetExchange, long tableMaintenance,
                          long entryProbe, long failedMemory) {
        public Periods {
            if (keepAlive < 1 || failureTimeout < 1 || leafSetExchange < 1 || tableMaintenance < 1 || entryProbe < 1
                    || failedMemory < 0) {
                throw new IllegalArgumentException("periods must be positive: " + this);
            }
        }

        /**
         * In proportion to a maintenance period p: keep-alives every 2p, leaf set exchanges every 4p, a row
         * exchange every 4p, silent entries probed after 60p, failed nodes ignored on hearsay for 60p. T is
         * p, but at least two first RPC timeouts, so one lost datagram does not make a live leaf look failed.
         */
        public static Periods forMaintenancePeriod(long p, long rpcTimeoutMillis) {
            return new Periods(2 * p, Math.max(p, 2 * rpcTimeoutMillis), 4 * p, 4 * p, 60 * p, 60 * p);
        }
    }

    public PastryConfig {
        if (bitsPerDigit < 1 || bitsPerDigit > 8 || Key.BITS % bitsPerDigit != 0) {
            throw new IllegalArgumentException("b must divide " + Key.BITS + " and lie in [1, 8]: " + bitsPerDigit);
        }
        if (leafSetSize < 2 || leafSetSize % 2 != 0) {
            throw new IllegalArgumentException("the leaf set size must be even and at least 2: " + leafSetSize);
        }
        if (neighbourhoodSize < 0) throw new IllegalArgumentException("the neighbourhood size must be >= 0");
        if (periods == null) throw new IllegalArgumentException("periods are required");
        if (maxFallbacks < 1 || maxFallbacks > 64) throw new IllegalArgumentException("max fall-backs must lie in [1, 64]");
        if (proximityProbesPerExchange < 0) throw new IllegalArgumentException("proximity probes must be >= 0");
    }

    /**
     * The paper's b = 4, |L| = 16, |M| = 32, with periods in proportion to the node's maintenance period
     * ({@link NodeConfig#stabilizeMillis}).
     */
    public static PastryConfig forNode(NodeConfig node) {
        return new PastryConfig(4, 16, 32,
                Periods.forMaintenancePeriod(node.stabilizeMillis(), node.rpc().initialTimeoutMillis()), 16, 1);
    }

    /** 2^b: entries in one routing table row. */
    public int columns() {
        return 1 << bitsPerDigit;
    }

    /** 160 / b: rows in a full routing table (only the first few, about log_2^b N, ever fill). */
    public int rows() {
        return Key.BITS / bitsPerDigit;
    }

    public PastryConfig withPeriods(Periods p) {
        return new PastryConfig(bitsPerDigit, leafSetSize, neighbourhoodSize, p, maxFallbacks, proximityProbesPerExchange);
    }
}
