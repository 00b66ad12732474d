package org.interlay.discovery.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BridgeAssignmentTest {

    private static final Map<String, Set<String>> ROUTERS = Map.of(
            "r1", Set.of("chord", "pastry", "kad"),
            "r2", Set.of("chord", "pastry", "kad"),
            "r3", Set.of("chord", "kad", "extra"));

    @Test
    void everyPairSomeLiveRouterServesIsBridgedByOneThatServesBoth() {
        BridgePlan plan = BridgeAssignment.assign(List.of("r1", "r2", "r3"), ROUTERS);
        assertEquals(Set.of(new OverlayPair("chord", "pastry"), new OverlayPair("chord", "kad"), new OverlayPair("kad", "pastry"),
                        new OverlayPair("chord", "extra"), new OverlayPair("extra", "kad")),
                plan.bridges().keySet());
        plan.bridges().forEach((pair, router) ->
                assertTrue(ROUTERS.get(router).containsAll(Set.of(pair.first(), pair.second())), pair + " by " + router));
        assertEquals(Optional.of("r3"), plan.routerFor(new OverlayPair("extra", "chord")));
        assertEquals(Optional.empty(), plan.routerFor(new OverlayPair("pastry", "extra")), "no router serves both");
    }

    @Test
    void everyMemberComputesTheSamePlanWhateverTheMapOrder() {
        Map<String, Set<String>> reordered = new LinkedHashMap<>();
        reordered.put("r3", ROUTERS.get("r3"));
        reordered.put("r1", ROUTERS.get("r1"));
        reordered.put("r2", ROUTERS.get("r2"));
        assertEquals(BridgeAssignment.assign(List.of("r1", "r2", "r3"), ROUTERS),
                BridgeAssignment.assign(List.of("r1", "r2", "r3"), new HashMap<>(reordered)));
    }

    @Test
    void whenARouterLeavesOnlyItsPairsMove() {
        BridgePlan before = BridgeAssignment.assign(List.of("r1", "r2", "r3"), ROUTERS);
        for (String leaving : List.of("r1", "r2", "r3")) {
            List<String> survivors = new java.util.ArrayList<>(List.of("r1", "r2", "r3"));
            survivors.remove(leaving);
            BridgePlan after = BridgeAssignment.assign(survivors, ROUTERS);
            before.bridges().forEach((pair, router) -> {
                if (!router.equals(leaving)) {
                    assertEquals(Optional.of(router), after.routerFor(pair), pair + " stays with " + router);
                } else {
                    after.routerFor(pair).ifPresent(heir -> assertTrue(survivors.contains(heir)));
                }
            });
            assertTrue(after.pairsBridgedBy(leaving).isEmpty());
        }
    }

    @Test
    void theLastRouterServingAPairTakesItOver() {
        BridgePlan plan = BridgeAssignment.assign(List.of("r2"), ROUTERS);
        assertEquals(List.of(new OverlayPair("chord", "kad"), new OverlayPair("chord", "pastry"), new OverlayPair("kad", "pastry")),
                plan.pairsBridgedBy("r2"));
    }

    @Test
    void routersNotInTheViewAreIgnored() {
        BridgePlan plan = BridgeAssignment.assign(List.of("r1"), ROUTERS);
        assertTrue(plan.bridges().values().stream().allMatch("r1"::equals));
        assertEquals(3, plan.bridges().size());
    }

    @Test
    void loadSpreadsOverRoutersServingTheSameOverlays() {
        Map<String, Set<String>> wide = new HashMap<>();
        Set<String> overlays = Set.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8");
        List<String> view = List.of("a", "b", "c", "d");
        view.forEach(router -> wide.put(router, overlays));
        BridgePlan plan = BridgeAssignment.assign(view, wide);
        assertEquals(28, plan.bridges().size());
        view.forEach(router -> assertTrue(plan.pairsBridgedBy(router).size() >= 2, router + " bridges some of the 28 pairs"));
    }

    @Test
    void aPairIsTwoDifferentOverlaysInNameOrder() {
        assertEquals(new OverlayPair("a", "b"), new OverlayPair("b", "a"));
        assertThrows(IllegalArgumentException.class, () -> new OverlayPair("a", "a"));
    }
}
