package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChordConfigTest {
    @Test
    void periodsKeepTheirProportionsToStabilize() {
        ChordConfig c = ChordConfig.forStabilizePeriod(200);
        assertEquals(ChordConfig.DEFAULT_SUCCESSORS, c.successors());
        assertEquals(200, c.stabilizeMillis());
        assertEquals(3_000, c.fixFingersMillis());
        assertEquals(400, c.checkPredecessorMillis());
        assertEquals(ChordConfig.forStabilizePeriod(1_000), ChordConfig.defaults());
    }

    @Test
    void nonsenseIsRefused() {
        ChordConfig d = ChordConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withSuccessors(0));
        assertThrows(IllegalArgumentException.class, () -> d.withSuccessors(65));
        assertThrows(IllegalArgumentException.class, () -> d.withFixFingersMillis(0));
        assertThrows(IllegalArgumentException.class, () -> new ChordConfig(16, 1_000, 15_000, 2_000, 0));
        assertEquals(4, d.withSuccessors(4).successors());
    }
}
