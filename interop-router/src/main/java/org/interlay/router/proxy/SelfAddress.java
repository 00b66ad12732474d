package org.interlay.router.proxy;

import java.net.InetSocketAddress;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ViaHeader;

/** Where this element listens, to recognise its own Via (loops), its own Route (to pop) and requests addressed to it. */
public record SelfAddress(String host, int port) {
    public SelfAddress {
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("a host is required");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
    }

    public static SelfAddress of(InetSocketAddress address) {
        return new SelfAddress(address.getAddress().getHostAddress(), address.getPort());
    }

    public boolean isSelf(ViaHeader via) {
        return host.equalsIgnoreCase(via.getHost()) && port == effectivePort(via.getPort());
    }

    /** True for a sip URI naming this host and port (the user part, if any, is not looked at). */
    public boolean isSelf(URI uri) {
        return uri instanceof SipURI sip && host.equalsIgnoreCase(sip.getHost()) && port == effectivePort(sip.getPort());
    }

    private static int effectivePort(int port) {
        return port <= 0 ? 5060 : port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
