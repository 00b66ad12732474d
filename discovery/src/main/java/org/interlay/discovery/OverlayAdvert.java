package org.interlay.discovery;

import java.util.List;

/**
 * What one node says about one overlay it serves: the overlay's name, algorithm and SIP domain,
 * where to bootstrap into it, where its SIP entry points are, and whether the node is a peer or a router.
 *
 * @param overlayName    the overlay's name ({@code ov}); also the DNS-SD instance name
 * @param algorithm      the DHT algorithm ({@code algo})
 * @param sipDomain      the SIP domain the overlay serves ({@code domain})
 * @param bootstrapPeers overlay peers to join through, at least one ({@code boot})
 * @param sipEntryPoints SIP proxies/registrars of the overlay, may be empty ({@code sip})
 * @param role           peer or router ({@code role})
 * @param formatVersion  the advert format version ({@code v})
 * @param nodeId         the advertising node; several nodes may advertise the same overlay
 */
public record OverlayAdvert(
        String overlayName,
        Algorithm algorithm,
        String sipDomain,
        List<HostPort> bootstrapPeers,
        List<HostPort> sipEntryPoints,
        NodeRole role,
        int formatVersion,
        String nodeId) {

    /** The only advert format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Most entries in one list; keeps the TXT strings under their 255-byte limit. */
    public static final int MAX_LIST_ENTRIES = 8;

    public OverlayAdvert {
        if (!NameSyntax.isOverlayName(overlayName)) {
            throw new IllegalArgumentException("bad overlay name: " + overlayName);
        }
        if (algorithm == null || role == null) {
            throw new IllegalArgumentException("algorithm and role are required");
        }
        if (!NameSyntax.isDomain(sipDomain)) {
            throw new IllegalArgumentException("bad SIP domain: " + sipDomain);
        }
        bootstrapPeers = List.copyOf(bootstrapPeers);
        sipEntryPoints = List.copyOf(sipEntryPoints);
        if (bootstrapPeers.isEmpty()) {
            throw new IllegalArgumentException("an advert needs at least one bootstrap peer");
        }
        if (bootstrapPeers.size() > MAX_LIST_ENTRIES || sipEntryPoints.size() > MAX_LIST_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_LIST_ENTRIES + " bootstrap peers and SIP entry points");
        }
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported advert format version " + formatVersion);
        }
        if (!NameSyntax.isNodeId(nodeId)) {
            throw new IllegalArgumentException("bad node id: " + nodeId);
        }
    }

    /** An advert in the current format version. */
    public static OverlayAdvert of(String overlayName, Algorithm algorithm, String sipDomain,
                                   List<HostPort> bootstrapPeers, List<HostPort> sipEntryPoints,
                                   NodeRole role, String nodeId) {
        return new OverlayAdvert(overlayName, algorithm, sipDomain, bootstrapPeers, sipEntryPoints,
                role, FORMAT_VERSION, nodeId);
    }

    public AdvertKey key() {
        return new AdvertKey(overlayName, nodeId);
    }

    /** True when this advert says the same about the overlay as {@code other} (ignores the node id). */
    public boolean agreesWith(OverlayAdvert other) {
        return overlayName.equals(other.overlayName)
                && algorithm.equals(other.algorithm)
                && sipDomain.equalsIgnoreCase(other.sipDomain);
    }
}
