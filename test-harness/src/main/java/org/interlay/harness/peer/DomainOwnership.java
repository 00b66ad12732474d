package org.interlay.harness.peer;

import java.util.Optional;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;

/**
 * One SIP domain, one overlay: a peer refuses to start an overlay for a domain that discovery already
 * knows another overlay to serve (users of the domain would be found in one and not the other), and
 * to join an overlay under a domain other than the one it serves.
 */
public final class DomainOwnership {
    private DomainOwnership() {}

    /** Throws {@link IllegalArgumentException}, one line saying what to do instead, when {@code overlay} may not serve {@code domain}. */
    public static void check(OverlayDirectory directory, String overlay, String domain) {
        Optional<OverlayEntry> same = directory.overlay(overlay);
        if (same.isPresent() && !same.get().sipDomain().equalsIgnoreCase(domain)) {
            throw new IllegalArgumentException("overlay " + overlay + " on this network serves " + same.get().sipDomain()
                    + ", not " + domain + ": join it with --domain " + same.get().sipDomain() + ", or name a new overlay");
        }
        Optional<OverlayEntry> owner = directory.overlayServing(domain).filter(e -> !e.name().equals(overlay));
        if (owner.isPresent()) {
            throw new IllegalArgumentException("overlay " + owner.get().name() + " (" + owner.get().algorithm()
                    + ") already serves " + domain + "; two overlays cannot serve one domain: join it with --overlay "
                    + owner.get().name() + ", or choose another --domain");
        }
    }
}
