package org.interlay.discovery.jgroups;

import java.util.List;

import org.interlay.discovery.OverlayAdvert;

/**
 * What a group member says it serves: the full list of its adverts, so an advert missing from
 * the next beacon has been withdrawn. A member that is leaving sends one with {@code leaving} set.
 */
public record Beacon(List<OverlayAdvert> adverts, boolean leaving) {

    /** Most adverts in one beacon. */
    public static final int MAX_ADVERTS = 255;

    public Beacon {
        adverts = List.copyOf(adverts);
        if (adverts.size() > MAX_ADVERTS) {
            throw new IllegalArgumentException("at most " + MAX_ADVERTS + " adverts in a beacon");
        }
        if (leaving && !adverts.isEmpty()) {
            throw new IllegalArgumentException("a leaving beacon carries no adverts");
        }
    }

    public static Beacon serving(List<OverlayAdvert> adverts) {
        return new Beacon(adverts, false);
    }

    public static Beacon goodbye() {
        return new Beacon(List.of(), true);
    }
}
