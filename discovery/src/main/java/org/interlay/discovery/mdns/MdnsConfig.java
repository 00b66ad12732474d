package org.interlay.discovery.mdns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where the mDNS responder and browser run.
 *
 * @param bindAddress the one IPv4 interface address to join 224.0.0.251 on and send from; never a wildcard
 * @param hostName    the host label published in SRV and A records ({@code <hostName>.local.})
 */
public record MdnsConfig(InetAddress bindAddress, String hostName) {

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public MdnsConfig {
        if (!(bindAddress instanceof Inet4Address) || bindAddress.isAnyLocalAddress() || bindAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("mDNS needs one unicast IPv4 interface address, not " + bindAddress);
        }
        if (hostName == null || !HOST_LABEL.matcher(hostName).matches()) {
            throw new IllegalArgumentException("bad mDNS host label: " + hostName);
        }
    }

    /** Loopback only, with the given host label: the default, which sends nothing off this machine. */
    public static MdnsConfig loopback(String hostName) {
        try {
            return new MdnsConfig(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), hostName);
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address always resolves", e);
        }
    }
}
