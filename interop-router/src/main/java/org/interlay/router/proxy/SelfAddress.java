package org.interlay.router.proxy;

import java.net.InetSocketAddress;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ViaHeader;

/**
 * Where this element listens, to recognise its own Via (loops), its own Route (to pop) and requests
 * addressed to it: UDP and TCP on {@code port}, and TLS on {@code tlsPort} when it serves TLS (0 when not).
 */
public record SelfAddress(String host, int port, int tlsPort) {
    public SelfAddress {
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("a host is required");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
        if (tlsPort < 0 || tlsPort > 65_535) throw new IllegalArgumentException("TLS port out of range: " + tlsPort);
    }

    /** An element that serves no TLS. */
    public SelfAddress(String host, int port) {
        this(host, port, 0);
    }

    public static SelfAddress of(InetSocketAddress address) {
        return new SelfAddress(address.getAddress().getHostAddress(), address.getPort());
    }

    public boolean isSelf(ViaHeader via) {
        return host.equalsIgnoreCase(via.getHost()) && isOwnPort(effectivePort(via.getPort()));
    }

    /** True for a sip URI naming this host and one of its ports (the user part, if any, is not looked at). */
    public boolean isSelf(URI uri) {
        return uri instanceof SipURI sip && host.equalsIgnoreCase(sip.getHost()) && isOwnPort(effectivePort(sip.getPort()));
    }

    private boolean isOwnPort(int p) {
        return p == port || (tlsPort != 0 && p == tlsPort);
    }

    private static int effectivePort(int port) {
        return port <= 0 ? 5060 : port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
