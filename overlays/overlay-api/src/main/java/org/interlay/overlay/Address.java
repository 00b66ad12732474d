package org.interlay.overlay;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a node receives datagrams: an IPv4 address and a UDP port. Simulated nodes get addresses
 * too (see the simulator), so routing state and wire messages are the same in both worlds.
 */
public record Address(int ipv4, int port) {
    public static final int BYTES = 6;

    public Address {
        if (port < 0 || port > 0xFFFF) throw new IllegalArgumentException("port out of range: " + port);
    }

    public static Address of(InetSocketAddress socket) {
        InetAddress ip = socket.getAddress();
        if (!(ip instanceof Inet4Address)) {
            throw new IllegalArgumentException("only IPv4 addresses are supported: " + socket);
        }
        byte[] b = ip.getAddress();
        return new Address(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF),
                socket.getPort());
    }

    /** Parses {@code host:port}, where host is a dotted IPv4 address or a name that resolves to one. */
    public static Address parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + hostPort + "'");
        }
        try {
            return of(new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in '" + hostPort + "'");
        }
    }

    public InetSocketAddress toSocketAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(octets()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets always make an address", e);
        }
    }

    private byte[] octets() {
        return new byte[] {(byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4};
    }

    public String host() {
        return (ipv4 >>> 24) + "." + ((ipv4 >>> 16) & 0xFF) + "." + ((ipv4 >>> 8) & 0xFF) + "." + (ipv4 & 0xFF);
    }

    @Override
    public String toString() {
        return host() + ":" + port;
    }
}
