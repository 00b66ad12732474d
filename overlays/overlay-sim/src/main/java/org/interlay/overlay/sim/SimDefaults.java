package org.interlay.overlay.sim;

import org.interlay.overlay.rpc.RpcConfig;

/** Settings that suit a wide-area simulated network (one-way delays up to 100 ms). */
public final class SimDefaults {
    /** First retry after 500 ms (above the longest round trip), three sends, doubling. */
    public static final RpcConfig RPC = new RpcConfig(500, 3, 2.0);

    private SimDefaults() {}
}
