package org.interlay.harness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.interlay.discovery.Algorithm;
import org.junit.jupiter.api.Test;

class LabConfigTest {
    @Test
    void theDefaultIsTheThreeStandardOverlays() {
        LabConfig config = LabConfig.defaults();
        assertEquals(List.of("chord", "pastry", "kad"), config.overlays().stream().map(LabOverlaySpec::name).toList());
        assertEquals(List.of(Algorithm.named("chord"), Algorithm.named("pastry"), Algorithm.named("kademlia")),
                config.overlays().stream().map(LabOverlaySpec::algorithm).toList());
        assertEquals(List.of(8, 8, 8), config.overlays().stream().map(LabOverlaySpec::peers).toList());
    }

    @Test
    void anOverlayOfAnyAlgorithmNameIsAddedAsAUserWritesIt() {
        LabConfig config = LabConfig.defaults().withOverlay(LabOverlaySpec.parse("ring:chord-twin:4", 3));
        assertEquals(new LabOverlaySpec("ring", Algorithm.named("chord-twin"), "ring.lab", 4), config.overlays().get(3));
        assertEquals(3, LabOverlaySpec.parse("ring:chord", 3).peers());
    }

    @Test
    void badOverlaysAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabOverlaySpec.parse("ring", 3)).getMessage()
                .contains("NAME:ALGO"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabOverlaySpec.parse("ring:Chord!", 3)).getMessage()
                .startsWith("bad algorithm name"));
        assertThrows(IllegalArgumentException.class, () -> LabOverlaySpec.parse("ring:chord:x", 3));
        assertThrows(IllegalArgumentException.class, () -> LabOverlaySpec.parse("ring:chord:0", 3));
        assertThrows(IllegalArgumentException.class,
                () -> LabConfig.defaults().withOverlay(LabOverlaySpec.parse("chord:kademlia", 3)), "two overlays named chord");
        assertThrows(IllegalArgumentException.class,
                () -> LabConfig.standard(1, 1, 1, LabConfig.MAX_ROUTERS + 1, InetAddress.getLoopbackAddress()));
    }
}
