package org.interlay.overlay;

import java.util.Map;
import org.interlay.overlay.rpc.RpcStats;

/** A snapshot of one node: what it stores, its routing state, its traffic and its lookups. */
public record OverlayStats(String overlay, String algorithm, NodeRef self, int records, Map<String, Object> routing,
                           RpcStats rpc, long lookups, long lookupFailures) {}
