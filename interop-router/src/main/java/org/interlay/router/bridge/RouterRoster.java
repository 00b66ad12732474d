package org.interlay.router.bridge;

/**
 * What a peer knows of the live routers: whether any of them could bridge its overlay to a domain.
 * A peer that knows none could answers a request for that domain at once instead of waiting for a
 * router that is gone.
 */
@FunctionalInterface
public interface RouterRoster {
    /** Knows nothing: any domain may be bridged. */
    RouterRoster UNKNOWN = (overlayName, domain) -> true;

    /**
     * False only when it is known that no live router is a member of both the overlay
     * {@code overlayName} and the overlay serving {@code domain}.
     */
    boolean mayBridge(String overlayName, String domain);
}
