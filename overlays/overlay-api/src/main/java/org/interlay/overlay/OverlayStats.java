package org.interlay.overlay;

import java.util.Map;
import org.interlay.overlay.rpc.RpcStats;

/**
 * A snapshot of one node: what it stores, its routing state, its traffic and its lookups.
 *
 * @param recordsRefused records a secure overlay's node would not keep or hand out: unsigned, badly
 *                       signed, not allowed by their kind's policy, or living longer than signed
 * @param staleRefused   stores a secure overlay's node refused as older than the version it held: a
 *                       replay, or a hand-over that lost a race with a newer write
 */
public record OverlayStats(String overlay, String algorithm, NodeRef self, int records, Map<String, Object> routing,
                           RpcStats rpc, long lookups, long lookupFailures, long recordsRefused, long staleRefused) {
    /** A node that refuses no record (an open overlay's, or a client's). */
    public OverlayStats(String overlay, String algorithm, NodeRef self, int records, Map<String, Object> routing,
                        RpcStats rpc, long lookups, long lookupFailures) {
        this(overlay, algorithm, self, records, routing, rpc, lookups, lookupFailures, 0, 0);
    }
}
