package org.interlay.router.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BridgeChangeLinesTest {
    private static final DomainPair CK = new DomainPair("chord.lab", "kad.lab");
    private static final DomainPair CP = new DomainPair("chord.lab", "pastry.lab");

    private final List<String> lines = new ArrayList<>();
    private final BridgeChangeLines changes = new BridgeChangeLines("r2", lines::add);

    @Test
    void aStandbyThatTakesPairsOverAndGivesThemUpSaysEachStep() {
        changes.accept(Set.of());
        changes.accept(Set.of(CK, CP));
        changes.accept(Set.of(CP));
        changes.accept(Set.of());
        assertEquals(List.of("router r2 is a standby (bridges no pair)",
                "router r2 takes over " + CK + ", " + CP,
                "router r2 gives up " + CK,
                "router r2 gives up " + CP + " (now a standby)"), lines);
    }

    @Test
    void theSamePairsAgainSayNothing() {
        changes.accept(Set.of(CK));
        changes.accept(Set.of(CK));
        assertEquals(List.of("router r2 bridges " + CK), lines);
    }
}
