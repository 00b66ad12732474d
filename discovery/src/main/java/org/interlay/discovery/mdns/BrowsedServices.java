package org.interlay.discovery.mdns;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Departure;
import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.SightingLedger;
import org.interlay.log.DropLog;

/**
 * Turns JmDNS's browse events for our service type into sightings. A service counts only between
 * its "added" and its "removed": JmDNS also reports a service as resolved while it expires the
 * records of one that said goodbye, and that must not bring it back. A resolution before the TXT
 * record arrives is skipped; one whose TXT does not parse is counted and dropped, and ends the
 * sighting of that instance if it had been valid. Thread-safe.
 */
final class BrowsedServices {

    private final SightingLedger ledger;
    private final DropLog rejected;
    private final Set<String> present = new HashSet<>();
    private final Map<String, AdvertKey> reported = new HashMap<>();

    BrowsedServices(SightingLedger ledger, DropLog rejected) {
        this.ledger = ledger;
        this.rejected = rejected;
    }

    /** The service's PTR record appeared; it will be resolved. */
    synchronized void added(String instance) {
        present.add(instance);
    }

    /** The service's SRV, TXT and address are known (possibly an empty TXT, not yet received). */
    synchronized void resolved(String instance, byte[] txt) {
        if (!present.contains(instance) || txt == null || txt.length == 0 || (txt.length == 1 && txt[0] == 0)) {
            return;
        }
        try {
            OverlayAdvert advert = DnsSdAdvertCodec.fromService(instance, txt);
            AdvertKey previous = reported.put(instance, advert.key());
            if (previous != null && !previous.equals(advert.key())) {
                ledger.lost(previous, Departure.WITHDRAWN);
            }
            ledger.saw(advert);
        } catch (InvalidAdvertException e) {
            rejected.drop(e.problem(), "'" + instance + "'", e.detail());
            AdvertKey previous = reported.remove(instance);
            if (previous != null) {
                ledger.lost(previous, Departure.WITHDRAWN);
            }
        }
    }

    /** The service said goodbye or its records expired: JmDNS reports both alike. */
    synchronized void removed(String instance) {
        present.remove(instance);
        AdvertKey key = reported.remove(instance);
        if (key != null) {
            ledger.lost(key, Departure.WITHDRAWN);
        }
    }
}
