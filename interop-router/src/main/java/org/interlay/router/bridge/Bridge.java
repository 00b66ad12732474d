package org.interlay.router.bridge;

/**
 * What a router says in an overlay it bridges: "requests for {@code domain} go through me". Stored in
 * the overlay under the hash of {@code bridge:<domain>}; the router assigned to the pair writes it and
 * keeps it fresh, and a standby overwrites it when it takes the pair over.
 *
 * @param domain   the SIP domain of the other overlay
 * @param routerId the router's id (as in its discovery adverts)
 * @param sipUri   where the router takes SIP requests, {@code sip:host:port}
 */
public record Bridge(String domain, String routerId, String sipUri) {
    public Bridge {
        if (domain == null || domain.isEmpty() || domain.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("bad domain: " + domain);
        }
        if (routerId == null || routerId.isEmpty() || routerId.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("bad router id: " + routerId);
        }
        if (sipUri == null || !sipUri.startsWith("sip:") || sipUri.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("bad router URI: " + sipUri);
        }
    }

    /** The record name under which the bridge to {@code domain} is stored. */
    public static String recordName(String domain) {
        return "bridge:" + domain.toLowerCase(java.util.Locale.ROOT);
    }
}
