package org.interlay.discovery.jgroups;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How to join the discovery group.
 *
 * @param stackResource  class-path resource of the JGroups stack XML
 * @param bindAddress    the one IPv4 interface the transport binds, joins and sends on
 * @param multicastPort  the group's multicast port (ignored by stacks without multicast)
 * @param clusterName    the group name; all Interlay nodes of a LAN use the same one
 * @param beaconInterval how often a member repeats its beacon (it also beacons on every change and view)
 */
public record JGroupsConfig(String stackResource, InetAddress bindAddress, int multicastPort,
                            String clusterName, Duration beaconInterval) {

    /** Our own UDP multicast stack; never the stock udp.xml, whose diagnostics socket ignores bind_addr. */
    public static final String UDP_STACK = "org/interlay/discovery/jgroups/udp-stack.xml";
    public static final int DEFAULT_MULTICAST_PORT = 45_877;
    public static final String DEFAULT_CLUSTER = "interlay-discovery";
    public static final Duration DEFAULT_BEACON_INTERVAL = Duration.ofSeconds(5);

    public JGroupsConfig {
        if (stackResource == null || stackResource.isBlank()) {
            throw new IllegalArgumentException("a stack resource is required");
        }
        if (!(bindAddress instanceof Inet4Address) || bindAddress.isAnyLocalAddress() || bindAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("the group needs one unicast IPv4 interface address, not " + bindAddress);
        }
        if (multicastPort < 1 || multicastPort > 65_535) {
            throw new IllegalArgumentException("multicast port out of range: " + multicastPort);
        }
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("a cluster name is required");
        }
        if (beaconInterval == null || beaconInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("beacon interval must be at least 100 ms: " + beaconInterval);
        }
    }

    /** The UDP multicast stack on the given interface, with the default port, group and interval. */
    public static JGroupsConfig udp(InetAddress bindAddress) {
        return new JGroupsConfig(UDP_STACK, bindAddress, DEFAULT_MULTICAST_PORT, DEFAULT_CLUSTER, DEFAULT_BEACON_INTERVAL);
    }

    /** The UDP multicast stack on 127.0.0.1: the default, which sends nothing off this machine. */
    public static JGroupsConfig loopback() {
        try {
            return udp(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address always resolves", e);
        }
    }

    public JGroupsConfig withStack(String resource) {
        return new JGroupsConfig(resource, bindAddress, multicastPort, clusterName, beaconInterval);
    }

    public JGroupsConfig withCluster(String name) {
        return new JGroupsConfig(stackResource, bindAddress, multicastPort, name, beaconInterval);
    }

    public JGroupsConfig withBeaconInterval(Duration interval) {
        return new JGroupsConfig(stackResource, bindAddress, multicastPort, clusterName, interval);
    }
}
