package org.interlay.pastry;

import org.interlay.overlay.Key;

/**
 * Pastry's parameters (Rowstron and Druschel, section 2.1) and the periods of its maintenance.
 *
 * @param bitsPerDigit             b: ids are read as digits of base 2^b; a routing table row has 2^b entries
 * @param leafSetSize              |L|: the |L|/2 numerically closest smaller and |L|/2 larger nodes
 * @param neighbourhoodSize        |M|: the nodes closest by network proximity
 * @param keepAliveMillis          how often leaves not heard from are pinged, and one leaf set is exchanged
 *                                 with a leaf (section 2.4, "node failure")
 * @param tableMaintenanceMillis   how often one routing table row is exchanged with a random entry of that
 *                                 row, and stale entries of the routing table and neighbourhood set are pinged
 * @param entryProbeMillis         a routing table or neighbourhood entry not heard from for this long is pinged
 * @param failedMemoryMillis       how long a node that did not answer is not probed again on hearsay
 * @param maxFallbacks             at most this many nodes in one forwarding answer (the next hop and its
 *                                 fall-backs)
 * @param proximityProbesPerExchange at most this many nodes learnt from a row exchange are probed only to
 *                                 see whether they are closer than a routing table entry already held
 */
public record PastryConfig(int bitsPerDigit, int leafSetSize, int neighbourhoodSize, long keepAliveMillis,
                           long tableMaintenanceMillis, long entryProbeMillis, long failedMemoryMillis,
                           int maxFallbacks, int proximityProbesPerExchange) {
    /** The paper's b, |L| and |M|, with periods for a node whose maintenance period is one second. */
    public static final PastryConfig DEFAULT = forMaintenancePeriod(1_000);

    public PastryConfig {
        if (bitsPerDigit < 1 || bitsPerDigit > 8 || Key.BITS % bitsPerDigit != 0) {
            throw new IllegalArgumentException("b must divide " + Key.BITS + " and lie in [1, 8]: " + bitsPerDigit);
        }
        if (leafSetSize < 2 || leafSetSize % 2 != 0) {
            throw new IllegalArgumentException("the leaf set size must be even and at least 2: " + leafSetSize);
        }
        if (neighbourhoodSize < 0) throw new IllegalArgumentException("the neighbourhood size must be >= 0");
        if (keepAliveMillis < 1 || tableMaintenanceMillis < 1 || entryProbeMillis < 1 || failedMemoryMillis < 0) {
            throw new IllegalArgumentException("periods must be positive");
        }
        if (maxFallbacks < 1 || maxFallbacks > 64) throw new IllegalArgumentException("max fall-backs must lie in [1, 64]");
        if (proximityProbesPerExchange < 0) throw new IllegalArgumentException("proximity probes must be >= 0");
    }

    /**
     * The paper's b = 4, |L| = 16, |M| = 32, with periods in fixed proportion to a node's maintenance
     * period (its {@code NodeConfig.stabilizeMillis}): keep-alives every 2 periods, a row exchange every 4,
     * entries silent for 60 periods probed, failed nodes not probed on hearsay for 60 periods.
     */
    public static PastryConfig forMaintenancePeriod(long periodMillis) {
        return new PastryConfig(4, 16, 32, 2 * periodMillis, 4 * periodMillis, 60 * periodMillis, 60 * periodMillis, 16, 1);
    }

    /** 2^b: entries in one routing table row. */
    public int columns() {
        return 1 << bitsPerDigit;
    }

    /** 160 / b: rows in a full routing table (only the first few, about log_2^b N, ever fill). */
    public int rows() {
        return Key.BITS / bitsPerDigit;
    }

    public PastryConfig withPeriods(long keepAlive, long tableMaintenance, long entryProbe) {
        return new PastryConfig(bitsPerDigit, leafSetSize, neighbourhoodSize, keepAlive, tableMaintenance, entryProbe,
                failedMemoryMillis, maxFallbacks, proximityProbesPerExchange);
    }
}
