package org.interlay.router.sip;

import java.time.Duration;

/**
 * How an endpoint keeps its TCP connections (RFC 3261 section 18: connections are kept open, and a
 * server decides how long). A connection whose peer has sent nothing for {@code idleTimeout} is
 * closed (the read timeout of the stack's reader on it), whoever opened it. At most
 * {@code maxInbound} connections that peers opened are kept: when one more arrives, the one silent
 * longest (no byte either way) is closed to make room, so clients that connect and say nothing hold
 * file descriptors only until the next client needs one.
 *
 * @param maxInbound  connections opened by peers kept at once
 * @param idleTimeout silence after which a connection is closed
 */
public record TcpConnectionLimits(int maxInbound, Duration idleTimeout) {
    /**
     * 512 connections and 120 s: 120 s is a common server choice (Kamailio's connection lifetime)
     * and above the 95-120 s between the CRLF keep-alives of RFC 5626 clients; 512 per endpoint
     * leaves room for several endpoints in one process under a 4096-descriptor limit.
     */
    public static final TcpConnectionLimits DEFAULT = new TcpConnectionLimits(512, Duration.ofSeconds(120));

    public TcpConnectionLimits {
        if (maxInbound < 1 || maxInbound > 65_535) throw new IllegalArgumentException("max inbound connections must be 1..65535: " + maxInbound);
        if (idleTimeout == null || idleTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("the idle timeout must be at least 100 ms: " + idleTimeout);
        }
    }

    public TcpConnectionLimits withIdleTimeout(Duration idle) {
        return new TcpConnectionLimits(maxInbound, idle);
    }

    public TcpConnectionLimits withMaxInbound(int count) {
        return new TcpConnectionLimits(count, idleTimeout);
    }
}
