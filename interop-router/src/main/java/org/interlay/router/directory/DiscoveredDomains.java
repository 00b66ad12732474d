package org.interlay.router.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.overlay.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain directory as discovery sees the network: each overlay advertised over mDNS or the
 * JGroups group, with its domain, algorithm, bootstrap peers and SIP entry points. Host names that
 * do not resolve to IPv4 are left out.
 */
public final class DiscoveredDomains implements DomainDirectory {
    private static final Logger log = LoggerFactory.getLogger(DiscoveredDomains.class);

    private final OverlayDirectory directory;

    public DiscoveredDomains(OverlayDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<DomainEntry> find(String domain) {
        return directory.overlayServing(domain).map(DiscoveredDomains::toEntry);
    }

    static DomainEntry toEntry(OverlayEntry entry) {
        return new DomainEntry(entry.sipDomain(), entry.name(), entry.algorithm(),
                addresses(entry.bootstrapPeers()), addresses(entry.sipEntryPoints()));
    }

    private static List<Address> addresses(List<HostPort> hostPorts) {
        List<Address> out = new ArrayList<>(hostPorts.size());
        for (HostPort hp : hostPorts) {
            try {
                out.add(Address.parse(hp.toString()));
            } catch (IllegalArgumentException e) {
                log.debug("leaving out {}: {}", hp, e.getMessage());
            }
        }
        return out;
    }
}
