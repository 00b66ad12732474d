package org.interlay.discovery;

/**
 * Receives what one {@link Discoverer} sees. Calls for one discoverer come one at a time,
 * in the order the discoverer saw things.
 */
public interface DiscoveryListener {

    /** The source sees an advert it did not see before. */
    void found(OverlayAdvert advert, Source source);

    /** An advert the source saw has new content (same overlay, same node). */
    void changed(OverlayAdvert advert, Source source);

    /** The source saw an advert again, unchanged. */
    default void refreshed(AdvertKey key, Source source) {
    }

    /** The source no longer sees an advert. */
    void expired(AdvertKey key, Source source, Departure departure);
}
