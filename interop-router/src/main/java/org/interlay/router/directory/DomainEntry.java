package org.interlay.router.directory;

import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Address;

/**
 * What a router needs to know of the overlay serving a SIP domain.
 *
 * @param domain         the SIP domain, lower case
 * @param overlayName    the overlay's name, as its nodes are configured (frames of other overlays are dropped)
 * @param algorithm      its algorithm's name, to create a node of the same kind
 * @param bootstrapPeers overlay peers to join through
 * @param sipEntryPoints SIP agents of the overlay's peers; may be empty
 */
public record DomainEntry(String domain, String overlayName, Algorithm algorithm, List<Address> bootstrapPeers,
                          List<Address> sipEntryPoints) {
    public DomainEntry {
        if (domain == null || domain.isBlank() || overlayName == null || overlayName.isBlank()
                || algorithm == null) {
            throw new IllegalArgumentException("a domain entry needs a domain, an overlay name and an algorithm");
        }
        domain = domain.toLowerCase(java.util.Locale.ROOT);
        bootstrapPeers = List.copyOf(bootstrapPeers);
        sipEntryPoints = List.copyOf(sipEntryPoints);
    }
}
