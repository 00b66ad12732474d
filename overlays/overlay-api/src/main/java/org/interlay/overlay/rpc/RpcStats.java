package org.interlay.overlay.rpc;

import java.util.Map;

/**
 * Counters of one endpoint: datagrams sent and taken, retries, requests given up, input dropped, the
 * requests of clients taken in (retransmissions not counted), and in a secure overlay the frames refused,
 * in all and by reason ({@link org.interlay.overlay.secure.FrameRefusal#label}).
 */
public record RpcStats(long sent, long received, long retransmissions, long timeouts, long malformed,
                       long foreign, long handlerErrors, long inFlight, long clientRequests, long refused,
                       Map<String, Long> refusedBy) {
    public RpcStats {
        refusedBy = Map.copyOf(refusedBy);
    }
}
