package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SightingLedgerTest {

    private final List<String> calls = new ArrayList<>();
    private final SightingLedger ledger = new SightingLedger(Source.MDNS, new DiscoveryListener() {
        @Override
        public void found(OverlayAdvert advert, Source source) {
            calls.add("found " + advert.key() + " " + source);
        }

        @Override
        public void changed(OverlayAdvert advert, Source source) {
            calls.add("changed " + advert.key());
        }

        @Override
        public void refreshed(AdvertKey key, Source source) {
            calls.add("refreshed " + key);
        }

        @Override
        public void expired(AdvertKey key, Source source, Departure departure) {
            calls.add("expired " + key + " " + departure);
        }
    });

    @Test
    void tellsFoundChangedRefreshedAndExpiredEachOnce() {
        ledger.saw(Adverts.chord("n1"));
        ledger.saw(Adverts.chord("n1"));
        ledger.saw(Adverts.peer("chord", Adverts.CHORD, "n1", "10.0.0.1:4001", ""));
        ledger.lost(new AdvertKey("chord", "n1"), Departure.WITHDRAWN);
        ledger.lost(new AdvertKey("chord", "n1"), Departure.WITHDRAWN);
        assertEquals(List.of("found chord@n1 MDNS", "refreshed chord@n1", "changed chord@n1", "expired chord@n1 WITHDRAWN"), calls);
    }

    @Test
    void losesAllMatchingKeys() {
        ledger.saw(Adverts.chord("n1"));
        ledger.saw(Adverts.chord("n2"));
        ledger.saw(Adverts.peer("kad", Adverts.KADEMLIA, "n1", "10.0.0.1:4000", ""));
        ledger.lostAll(key -> key.nodeId().equals("n1"), Departure.FAILED);
        assertEquals(java.util.Set.of(new AdvertKey("chord", "n2")), ledger.keys());
        assertEquals(5, calls.size());
    }
}
