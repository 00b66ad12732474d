package org.interlay.router.bridge;

/**
 * What a peer knows of the live routers: whether any of them could bridge its overlay to a domain,
 * and whether the router a bridge record names is still there. A peer that knows none could answers
 * a request for that domain at once instead of waiting for a router that is gone, and never sends a
 * request to a router the group has said is gone.
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

    /**
     * False only when it is known that the router {@code routerId} is no longer a live member of the
     * overlay {@code overlayName} (the group said it is gone); true when nothing is known.
     */
    default boolean isLive(String overlayName, String routerId) {
        return true;
    }

    /**
     * True only when it is known that a live router other than {@code routerId} is a member of both the
     * overlay {@code overlayName} and the overlay serving {@code domain}: a standby that can take the
     * bridge over should {@code routerId} be gone. False when nothing is known.
     */
    default boolean hasStandby(String overlayName, String domain, String routerId) {
        return false;
    }

    /**
     * True only when it is known that some router listed as live is a member of both the overlay
     * {@code overlayName} and the overlay serving {@code domain}, so that a bridge record missing now
     * may be written any moment (the peer that held it died with a router, and the standby has not
     * written its own yet). False when nothing is known.
     */
    default boolean hasRouterInBoth(String overlayName, String domain) {
        return false;
    }
}
