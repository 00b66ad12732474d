package org.interlay.discovery;

/** Publishes this node's adverts through one discovery mechanism. */
public interface Advertiser {

    /** Publishes an advert, or replaces the published one with the same key when its content changed. */
    void advertise(OverlayAdvert advert);

    /** Stops publishing an advert; peers are told it is gone. */
    void withdraw(AdvertKey key);
}
