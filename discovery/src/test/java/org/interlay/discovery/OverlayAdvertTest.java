package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class OverlayAdvertTest {

    private static final List<HostPort> BOOT = List.of(Adverts.at("10.0.0.1:4000"));

    @Test
    void checksEveryField() {
        assertThrows(IllegalArgumentException.class,
                () -> OverlayAdvert.of("bad name", Adverts.CHORD, "chord.lab", BOOT, List.of(), NodeRole.PEER, "n1"));
        assertThrows(IllegalArgumentException.class,
                () -> OverlayAdvert.of("chord", null, "chord.lab", BOOT, List.of(), NodeRole.PEER, "n1"));
        assertThrows(IllegalArgumentException.class,
                () -> OverlayAdvert.of("chord", Adverts.CHORD, "1.2.3.4", BOOT, List.of(), NodeRole.PEER, "n1"));
        assertThrows(IllegalArgumentException.class,
                () -> OverlayAdvert.of("chord", Adverts.CHORD, "chord.lab", List.of(), List.of(), NodeRole.PEER, "n1"));
        assertThrows(IllegalArgumentException.class,
                () -> OverlayAdvert.of("chord", Adverts.CHORD, "chord.lab", BOOT, List.of(), NodeRole.PEER, "n.1"));
        assertThrows(IllegalArgumentException.class,
                () -> new OverlayAdvert("chord", Adverts.CHORD, "chord.lab", BOOT, List.of(), NodeRole.PEER, 2, "n1"));
        assertThrows(IllegalArgumentException.class, () -> OverlayAdvert.of("chord", Adverts.CHORD, "chord.lab", BOOT,
                Collections.nCopies(OverlayAdvert.MAX_LIST_ENTRIES + 1, BOOT.get(0)), NodeRole.PEER, "n1"));
    }

    @Test
    void copiesItsLists() {
        List<HostPort> boot = new ArrayList<>(BOOT);
        OverlayAdvert advert = OverlayAdvert.of("chord", Adverts.CHORD, "chord.lab", boot, List.of(), NodeRole.PEER, "n1");
        boot.clear();
        assertEquals(BOOT, advert.bootstrapPeers());
    }

    @Test
    void theLongestAllowedAdvertFitsInTxtStrings() {
        String longHost = "h".repeat(20) + ".example.lab";
        List<HostPort> many = Collections.nCopies(OverlayAdvert.MAX_LIST_ENTRIES, new HostPort("10.100.200.250", 65_535));
        OverlayAdvert advert = OverlayAdvert.of("o".repeat(63), Adverts.KADEMLIA, longHost, many, many, NodeRole.ROUTER, "n".repeat(64));
        byte[] rdata = assertDoesNotThrow(() -> DnsSdAdvertCodec.toTxt(advert).encode());
        assertEquals(advert, assertDoesNotThrow(() -> DnsSdAdvertCodec.fromTxt(TxtRecord.decode(rdata), advert.nodeId())));
    }
}
