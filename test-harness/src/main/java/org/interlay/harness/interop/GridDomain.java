package org.interlay.harness.interop;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.interlay.overlay.Overlay;

/**
 * One domain of the grid: where its users register (an agent of its overlay, or the conventional
 * server), the overlay that stores its registrations (none for a conventional domain), and the
 * operations its server does not offer, with the reason.
 */
public record GridDomain(String domain, InetSocketAddress entry, Optional<Overlay> overlay, Map<GridOperation, String> notOffered) {
    public GridDomain {
        notOffered = Map.copyOf(notOffered);
    }

    public static GridDomain overlay(String domain, InetSocketAddress entry, Overlay overlay) {
        return new GridDomain(domain, entry, Optional.of(overlay), Map.of());
    }

    /** A domain served by Kamailio as {@link KamailioServer} configures it: a registrar and proxy, nothing more. */
    public static GridDomain kamailio(String domain, InetSocketAddress entry) {
        return new GridDomain(domain, entry, Optional.empty(), Map.of(
                GridOperation.LOOKUP, "its users are in Kamailio's own location table, not in an overlay",
                GridOperation.PUBLISH, "Kamailio runs without a presence server (no presence database)",
                GridOperation.SUBSCRIBE_NOTIFY, "Kamailio runs without a presence server (no presence database)",
                GridOperation.OFFLINE_MESSAGE, "Kamailio runs without a message store (no msilo database)"));
    }
}
