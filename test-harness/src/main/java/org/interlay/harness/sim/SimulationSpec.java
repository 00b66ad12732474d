package org.interlay.harness.sim;

import org.interlay.overlay.node.NodeConfig.LookupMode;

/**
 * What one simulation does: build {@code nodes} nodes of {@code algorithm}, let them stabilize,
 * optionally store {@code records} records and crash a fraction of the nodes at once, optionally run
 * churn, then run {@code lookups} lookups of random keys from random nodes.
 *
 * @param crashFraction       0 for none; else stores records, crashes this fraction, repairs, checks records
 * @param churnMeanSessionMillis 0 for none; else nodes leave and join continually with exponential
 *                            session times of this mean (virtual time) while the lookups run
 * @param joinSpacingMillis   virtual time between two nodes starting to join
 * @param reuseIds            under churn, a node that fails is replaced by a fresh, empty node with its id and
 *                            address, as a peer restarted on the same host and port; else by a node of a new id
 * @param secure              every node enrolled in an authority held in memory, every frame signed and checked
 */
public record SimulationSpec(String algorithm, int nodes, int lookups, long seed, double crashFraction, int records,
                             long churnMeanSessionMillis, LookupMode lookupMode, long joinSpacingMillis,
                             boolean reuseIds, boolean secure) {
    public SimulationSpec {
        if (nodes < 1) throw new IllegalArgumentException("--nodes must be at least 1");
        if (lookups < 0) throw new IllegalArgumentException("--lookups must not be negative");
        if (crashFraction < 0 || crashFraction >= 1) throw new IllegalArgumentException("--crash must be in [0, 1)");
        if (records < 0) throw new IllegalArgumentException("--records must not be negative");
        if (churnMeanSessionMillis < 0) throw new IllegalArgumentException("--churn must not be negative");
        if (joinSpacingMillis < 0) throw new IllegalArgumentException("join spacing must not be negative");
        if (reuseIds && churnMeanSessionMillis == 0) throw new IllegalArgumentException("--reuse-ids needs --churn");
    }

    public static SimulationSpec of(String algorithm, int nodes, int lookups, long seed) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, 0, 0, 0, LookupMode.ITERATIVE, 0, false, false);
    }

    public SimulationSpec withCrash(double fraction, int recordCount) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, fraction, recordCount, churnMeanSessionMillis,
                lookupMode, joinSpacingMillis, reuseIds, secure);
    }

    public SimulationSpec withChurn(long meanSessionMillis, int recordCount) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, crashFraction, recordCount, meanSessionMillis,
                lookupMode, joinSpacingMillis, reuseIds, secure);
    }

    public SimulationSpec withLookupMode(LookupMode mode) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, crashFraction, records, churnMeanSessionMillis, mode,
                joinSpacingMillis, reuseIds, secure);
    }

    public SimulationSpec withJoinSpacing(long millis) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, crashFraction, records, churnMeanSessionMillis,
                lookupMode, millis, reuseIds, secure);
    }

    /** Under churn, replacements take the ids and addresses of the nodes they replace. */
    public SimulationSpec withReusedIds() {
        return new SimulationSpec(algorithm, nodes, lookups, seed, crashFraction, records, churnMeanSessionMillis,
                lookupMode, joinSpacingMillis, true, secure);
    }

    /** A secure overlay: enrolled nodes, signed and MACed frames. */
    public SimulationSpec withSecure(boolean on) {
        return new SimulationSpec(algorithm, nodes, lookups, seed, crashFraction, records, churnMeanSessionMillis,
                lookupMode, joinSpacingMillis, reuseIds, on);
    }
}
