package org.interlay.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.mdns.MdnsConfig;

/**
 * What a node's discovery runs. Either mechanism may be off (null); static entries are always read.
 *
 * @param mdns          DNS-SD over mDNS, or null for none
 * @param group         the JGroups discovery group, or null for none
 * @param staticEntries adverts from a static entries file; may be empty
 * @param expiryCheck   how often the directory drops sightings that were not refreshed
 */
public record LanDiscoveryConfig(MdnsConfig mdns, JGroupsConfig group, List<OverlayAdvert> staticEntries,
                                 Duration expiryCheck) {

    public LanDiscoveryConfig {
        staticEntries = List.copyOf(staticEntries);
        if (expiryCheck == null || expiryCheck.isNegative() || expiryCheck.isZero()) {
            throw new IllegalArgumentException("expiry check interval must be positive: " + expiryCheck);
        }
    }

    /** mDNS and the UDP group on one interface address, default group settings, no static entries. */
    public static LanDiscoveryConfig on(InetAddress bindAddress, String hostLabel) {
        return new LanDiscoveryConfig(new MdnsConfig(bindAddress, hostLabel), JGroupsConfig.udp(bindAddress),
                List.of(), Duration.ofSeconds(1));
    }

    /** mDNS and the UDP group on 127.0.0.1: the default, which sends nothing off this machine. */
    public static LanDiscoveryConfig loopback(String hostLabel) {
        return new LanDiscoveryConfig(MdnsConfig.loopback(hostLabel), JGroupsConfig.loopback(), List.of(), Duration.ofSeconds(1));
    }

    public LanDiscoveryConfig withMdns(MdnsConfig config) {
        return new LanDiscoveryConfig(config, group, staticEntries, expiryCheck);
    }

    public LanDiscoveryConfig withGroup(JGroupsConfig config) {
        return new LanDiscoveryConfig(mdns, config, staticEntries, expiryCheck);
    }

    public LanDiscoveryConfig withStaticEntries(List<OverlayAdvert> entries) {
        return new LanDiscoveryConfig(mdns, group, entries, expiryCheck);
    }
}
