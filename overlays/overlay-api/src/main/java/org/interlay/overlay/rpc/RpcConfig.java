package org.interlay.overlay.rpc;

/**
 * Retransmission of requests: the first retry after {@code initialTimeoutMillis}, each later wait
 * {@code backoff} times the one before, failure after {@code maxAttempts} sends.
 */
public record RpcConfig(long initialTimeoutMillis, int maxAttempts, double backoff) {
    /** For loopback and LAN: 300 ms, 3 sends, doubling (a peer is given up on after 2.1 s). */
    public static final RpcConfig DEFAULT = new RpcConfig(300, 3, 2.0);

    public RpcConfig {
        if (initialTimeoutMillis < 1) throw new IllegalArgumentException("initial timeout must be >= 1 ms");
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be >= 1");
        if (backoff < 1.0) throw new IllegalArgumentException("backoff must be >= 1");
    }

    /** Milliseconds from the first send until the request is given up. */
    public long totalTimeoutMillis() {
        long total = 0;
        double wait = initialTimeoutMillis;
        for (int i = 0; i < maxAttempts; i++) {
            total += (long) wait;
            wait *= backoff;
        }
        return total;
    }
}
