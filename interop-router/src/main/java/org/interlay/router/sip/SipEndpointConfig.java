package org.interlay.router.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where and how one SIP stack listens: on UDP and TCP, on the same address and port, and over TLS on
 * the next port when it has credentials.
 *
 * @param name            a label for logs and the stack's name (made unique per stack)
 * @param bind            the address to listen on; 127.0.0.1 unless a caller asks for an interface
 * @param threads         threads that parse and handle incoming messages
 * @param maxMessageBytes largest message accepted; larger ones are dropped by the stack (a TCP
 *                        connection that sends one is closed)
 * @param tcp             how long TCP connections are kept and how many peers may hold open
 * @param tls             the credentials to serve TLS with, on the port after this one, to the agents
 *                        and routers of their authority; null serves no TLS (an open deployment)
 */
public record SipEndpointConfig(String name, InetSocketAddress bind, int threads, int maxMessageBytes,
                                TcpConnectionLimits tcp, SipTls tls) {
    public static final int DEFAULT_THREADS = 4;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

    public SipEndpointConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an endpoint needs a name");
        if (bind == null || bind.isUnresolved()) throw new IllegalArgumentException("an endpoint needs a resolved address");
        if (bind.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("bind one interface address, not the wildcard: " + bind);
        }
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads must be 1..64: " + threads);
        if (maxMessageBytes < 1024 || maxMessageBytes > 65_507) {
            throw new IllegalArgumentException("max message size must be 1024..65507 bytes: " + maxMessageBytes);
        }
        if (tcp == null) throw new IllegalArgumentException("an endpoint needs its TCP connection limits");
        if (tls != null && bind.getPort() == 65_535) throw new IllegalArgumentException("no port is left above 65535 for TLS");
    }

    /** An endpoint that serves no TLS. */
    public SipEndpointConfig(String name, InetSocketAddress bind, int threads, int maxMessageBytes, TcpConnectionLimits tcp) {
        this(name, bind, threads, maxMessageBytes, tcp, null);
    }

    /** An endpoint with the default TCP connection limits. */
    public SipEndpointConfig(String name, InetSocketAddress bind, int threads, int maxMessageBytes) {
        this(name, bind, threads, maxMessageBytes, TcpConnectionLimits.DEFAULT);
    }

    /** An endpoint on 127.0.0.1; port 0 picks a free one. */
    public static SipEndpointConfig loopback(String name, int port) {
        return new SipEndpointConfig(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                DEFAULT_THREADS, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public SipEndpointConfig withThreads(int count) {
        return new SipEndpointConfig(name, bind, count, maxMessageBytes, tcp, tls);
    }

    public SipEndpointConfig withTcp(TcpConnectionLimits limits) {
        return new SipEndpointConfig(name, bind, threads, maxMessageBytes, limits, tls);
    }

    /** This endpoint serving TLS with {@code t} too (null: none). */
    public SipEndpointConfig withTls(SipTls t) {
        return new SipEndpointConfig(name, bind, threads, maxMessageBytes, tcp, t);
    }
}
