package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.junit.jupiter.api.Test;

/** The simulator's notion of a stable Kademlia table, checked against brute force. */
class StabilityCheckTest {
    private final Random random = new Random(13);

    private List<Key> ids(int n) {
        List<Key> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(Key.random(random));
        return ids;
    }

    @Test
    void theTrueClosestAreFoundByBinarySearchAsByScanning() {
        for (int n : new int[] {1, 2, 15, 21, 22, 500, 5_000}) {
            List<Key> ids = ids(n);
            GlobalView view = new GlobalView(ids);
            for (int t = 0; t < 20; t++) {
                Key self = ids.get(random.nextInt(n));
                List<Key> scanned = view.xorClosest(self, 21).stream().filter(id -> !id.equals(self)).toList();
                assertEquals(scanned, StabilityCheck.trueClosest(view, self, 20), "n=" + n);
            }
        }
    }

    @Test
    void aTableHoldingEveryLiveNodeIsStableAndOneMissingANeighbourIsNot() {
        List<Key> ids = ids(300);
        GlobalView view = new GlobalView(ids);
        Key self = ids.get(0);
        RoutingTable full = new RoutingTable(self, 20, () -> 0, 60);
        for (int i = 1; i < ids.size(); i++) full.offer(new NodeRef(ids.get(i), new Address(0x7F000001, 1000 + i)));
        assertTrue(StabilityCheck.holds(full, 20, view));

        Key nearest = StabilityCheck.trueClosest(view, self, 1).get(0);
        RoutingTable missing = new RoutingTable(self, 20, () -> 0, 60);
        for (int i = 1; i < ids.size(); i++) {
            if (!ids.get(i).equals(nearest)) missing.offer(new NodeRef(ids.get(i), new Address(0x7F000001, 1000 + i)));
        }
        assertFalse(StabilityCheck.holds(missing, 20, view));
    }

    @Test
    void aDeadNeighbourStillInTheTableIsNotStable() {
        List<Key> ids = ids(300);
        Key self = ids.get(0);
        RoutingTable table = new RoutingTable(self, 20, () -> 0, 60);
        for (int i = 1; i < ids.size(); i++) table.offer(new NodeRef(ids.get(i), new Address(0x7F000001, 1000 + i)));
        Key nearest = StabilityCheck.trueClosest(new GlobalView(ids), self, 1).get(0);
        List<Key> afterCrash = new ArrayList<>(ids);
        afterCrash.remove(nearest);
        assertFalse(StabilityCheck.holds(table, 20, new GlobalView(afterCrash)));
    }
}
