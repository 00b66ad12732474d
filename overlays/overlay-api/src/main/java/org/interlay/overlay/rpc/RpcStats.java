package org.interlay.overlay.rpc;

/**
 * Counters of one endpoint: datagrams sent and taken, retries, requests given up, input dropped, and
 * the requests of clients taken in (retransmissions not counted).
 */
public record RpcStats(long sent, long received, long retransmissions, long timeouts, long malformed,
                       long foreign, long handlerErrors, long inFlight, long clientRequests) {}
