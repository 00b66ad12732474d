package org.interlay.router.sip;

import org.interlay.log.DropLog;
import org.interlay.time.Clock;

/** What one stack's TCP sockets are held to, as {@link CappedNetworkLayer} finds it by stack name. */
record TcpLimitsOfStack(int maxInbound, int idleTimeoutMillis, DropLog evictions, Clock clock) {
    static TcpLimitsOfStack of(TcpConnectionLimits limits, DropLog evictions, Clock clock) {
        return new TcpLimitsOfStack(limits.maxInbound(), (int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()),
                evictions, clock);
    }
}
