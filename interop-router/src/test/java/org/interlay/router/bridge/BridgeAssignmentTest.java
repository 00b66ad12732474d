package org.interlay.router.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.junit.jupiter.api.Test;

class BridgeAssignmentTest {

    private static final Map<String, Set<String>> ROUTERS = Map.of(
            "r1", Set.of("chord", "pastry", "kad"),
            "r2", Set.of("chord", "pastry", "kad"),
            "r3", Set.of("chord", "kad", "extra"));

    @Test
    void everyPairSomeLiveRouterServesIsBridgedByOneThatServesBoth() {
        BridgePlan plan = BridgeAssignment.assign(List.of("r1", "r2", "r3"), ROUTERS);
        assertEquals(Set.of(new DomainPair("chord", "pastry"), new DomainPair("chord", "kad"), new DomainPair("kad", "pastry"),
                        new DomainPair("chord", "extra"), new DomainPair("extra", "kad")),
                plan.bridges().keySet());
        plan.bridges().forEach((pair, router) ->
                assertTrue(ROUTERS.get(router).containsAll(Set.of(pair.first(), pair.second())), pair + " by " + router));
        assertEquals(Optional.of("r3"), plan.routerFor(new DomainPair("extra", "chord")));
        assertEquals(Optional.empty(), plan.routerFor(new DomainPair("pastry", "extra")), "no router serves both");
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
        assertEquals(List.of(new DomainPair("chord", "kad"), new DomainPair("chord", "pastry"), new DomainPair("kad", "pastry")),
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
    void aPairIsTwoDifferentNamesInOrder() {
        assertEquals(new DomainPair("a", "b"), new DomainPair("b", "a"));
        assertThrows(IllegalArgumentException.class, () -> new DomainPair("a", "a"));
    }

    @Test
    void theRoutersAndTheirDomainsAreReadFromTheLiveAdvertsInViewOrder() {
        List<OverlayAdvert> live = List.of(advert("chord", "r2", NodeRole.ROUTER), advert("kad", "p1", NodeRole.PEER),
                advert("kad", "r2", NodeRole.ROUTER), advert("chord", "r1", NodeRole.ROUTER), advert("pastry", "r1", NodeRole.ROUTER));
        BridgePlan plan = BridgeAssignment.assign(live);
        assertEquals(BridgeAssignment.assign(List.of("r2", "r1"),
                Map.of("r2", Set.of("chord.lab", "kad.lab"), "r1", Set.of("chord.lab", "pastry.lab"))), plan);
        assertEquals(Optional.of("r2"), plan.routerFor(new DomainPair("KAD.lab", "chord.lab")), "only r2 serves both");
        assertEquals(Optional.empty(), plan.routerFor(new DomainPair("kad.lab", "pastry.lab")), "a peer bridges nothing");
    }

    private static OverlayAdvert advert(String overlay, String node, NodeRole role) {
        return OverlayAdvert.of(overlay, Algorithm.named("chord"), overlay + ".lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(), role, node);
    }
}
