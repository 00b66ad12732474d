package org.interlay.discovery;

/**
 * Why a source no longer sees an advert. The group (JGroups) orders a member's withdrawals with
 * its other messages and detects crashes, so its departures end the advert in every source; an
 * mDNS goodbye or a lapsed TTL arrives late and out of order, so it ends only that source's sighting.
 */
public enum Departure {
    /** The source stopped seeing it: a TTL or refresh interval lapsed. */
    NOT_REFRESHED(false),
    /** The advertiser withdrew it through this source (an mDNS goodbye). */
    WITHDRAWN(false),
    /** The advertiser withdrew it or left, as seen in order by the group. */
    LEFT(true),
    /** The group's failure detector removed the advertiser. */
    FAILED(true);

    private final boolean endsAllSightings;

    Departure(boolean endsAllSightings) {
        this.endsAllSightings = endsAllSightings;
    }

    /** True when the advert is gone whichever source still shows it. */
    public boolean endsAllSightings() {
        return endsAllSightings;
    }
}
