package org.interlay.discovery.mdns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Adverts;
import org.interlay.discovery.Departure;
import org.interlay.discovery.DiscoveryListener;
import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.SightingLedger;
import org.interlay.discovery.Source;
import org.interlay.log.DropLog;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BrowsedServicesTest {

    private static final OverlayAdvert CHORD = Adverts.chord("n1");
    private static final byte[] CHORD_TXT = DnsSdAdvertCodec.toTxt(CHORD).encode();

    private final List<String> reported = new ArrayList<>();
    private final DropLog rejected = new DropLog(LoggerFactory.getLogger(BrowsedServicesTest.class), "mDNS input",
            new VirtualScheduler(), 10_000);
    private final BrowsedServices services = new BrowsedServices(new SightingLedger(Source.MDNS, new DiscoveryListener() {
        @Override
        public void found(OverlayAdvert advert, Source source) {
            reported.add("found " + advert.key());
        }

        @Override
        public void changed(OverlayAdvert advert, Source source) {
            reported.add("changed " + advert.key());
        }

        @Override
        public void expired(AdvertKey key, Source source, Departure departure) {
            reported.add("expired " + key + " " + departure);
        }
    }), rejected);

    @Test
    void aServiceIsReportedOnceResolvedWithItsTxt() {
        services.added("chord [n1]");
        services.resolved("chord [n1]", new byte[] {0});
        services.resolved("chord [n1]", null);
        assertEquals(List.of(), reported, "no TXT yet: nothing half-parsed is reported");
        services.resolved("chord [n1]", CHORD_TXT);
        services.removed("chord [n1]");
        assertEquals(List.of("found chord@n1", "expired chord@n1 WITHDRAWN"), reported);
        assertEquals(0, rejected.count());
    }

    @Test
    void aResolutionAfterGoodbyeDoesNotBringTheServiceBack() {
        services.added("chord [n1]");
        services.resolved("chord [n1]", CHORD_TXT);
        services.removed("chord [n1]");
        services.resolved("chord [n1]", CHORD_TXT);
        assertEquals(List.of("found chord@n1", "expired chord@n1 WITHDRAWN"), reported);
        services.added("chord [n1]");
        services.resolved("chord [n1]", CHORD_TXT);
        assertEquals("found chord@n1", reported.get(2), "it comes back when it is announced again");
    }

    @Test
    void aServiceWhoseTxtTurnsBadIsDroppedAndCounted() {
        services.added("chord [n1]");
        services.resolved("chord [n1]", CHORD_TXT);
        byte[] futureVersion = new String(CHORD_TXT, StandardCharsets.ISO_8859_1).replace("v=1", "v=3")
                .getBytes(StandardCharsets.ISO_8859_1);
        services.resolved("chord [n1]", futureVersion);
        assertEquals(List.of("found chord@n1", "expired chord@n1 WITHDRAWN"), reported);
        assertEquals(1, rejected.count(InvalidAdvertException.Problem.UNSUPPORTED_VERSION));
    }

    @Test
    void aForeignServiceOfOurTypeIsCountedNeverReported() {
        services.added("Lobby printer");
        services.resolved("Lobby printer", new byte[] {9, 't', 'x', 't', 'v', 'e', 'r', 's', '=', '1'});
        assertEquals(List.of(), reported);
        assertEquals(1, rejected.count(InvalidAdvertException.Problem.MISSING_KEY));
    }
}
