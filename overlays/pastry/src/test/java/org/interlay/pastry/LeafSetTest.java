package org.interlay.pastry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.junit.jupiter.api.Test;

class LeafSetTest {
    private static int port = 1;

    static NodeRef node(Key id) {
        return new NodeRef(id, new Address(0x7F000001, port++ % 65_000 + 1));
    }

    static Key key(long high) {
        return Key.fromHex(String.format("%016x", high) + "0".repeat(24));
    }

    @Test
    void keepsTheHalfNearestOnEachSideNearestFirst() {
        NodeRef self = node(key(1_000));
        LeafSet leaves = new LeafSet(self, 4);
        for (long v : new long[] {1_010, 990, 1_030, 970, 1_020, 980, 2_000, 10}) leaves.offer(node(key(v)), 0, true);
        assertEquals(List.of(key(1_010), key(1_020)), ids(leaves.side(LeafSet.Side.LARGER)));
        assertEquals(List.of(key(990), key(980)), ids(leaves.side(LeafSet.Side.SMALLER)));
        assertFalse(leaves.wouldAccept(key(1_030), true));
        assertTrue(leaves.wouldAccept(key(1_005), true));
        assertFalse(leaves.offer(node(key(2_000)), 0, true), "a farther node does not enter a full side");
    }

    @Test
    void coversOnlyItsRangeAndResolvesToTheNumericallyClosest() {
        NodeRef self = node(key(1_000));
        LeafSet leaves = new LeafSet(self, 4);
        for (long v : new long[] {1_010, 1_020, 990, 980}) leaves.offer(node(key(v)), 0, true);
        assertTrue(leaves.covers(key(980)));
        assertTrue(leaves.covers(key(1_020)));
        assertTrue(leaves.covers(key(1_004)));
        assertFalse(leaves.covers(key(1_021)));
        assertFalse(leaves.covers(key(979)));
        assertEquals(self, leaves.closest(key(1_004)));
        assertEquals(key(1_010), leaves.closest(key(1_006)).id());
        assertEquals(key(990), leaves.closest(key(995)).id(), "a tie goes to the lower id");
        assertEquals(List.of(key(1_010), key(1_020)), ids(leaves.closestMembers(key(1_012), 2)));
    }

    @Test
    void aSmallRingIsCoveredWholeAndEveryNodeIsOnBothSides() {
        NodeRef self = node(key(1_000));
        LeafSet leaves = new LeafSet(self, 8);
        leaves.offer(node(key(10)), 0, true);
        leaves.offer(node(key(5_000)), 0, true);
        assertEquals(2, leaves.side(LeafSet.Side.LARGER).size());
        assertEquals(2, leaves.side(LeafSet.Side.SMALLER).size());
        assertEquals(List.of(key(5_000), key(10)), ids(leaves.side(LeafSet.Side.LARGER)));
        assertTrue(leaves.covers(key(1L << 62)));
        assertEquals(key(5_000), leaves.closest(key(4_000)).id());
    }

    @Test
    void overlappingSidesCoverTheWholeRing() {
        // 5 other nodes and |L| = 8: each side is full (4) but the sides share nodes
        NodeRef self = node(key(0));
        LeafSet leaves = new LeafSet(self, 8);
        for (long v : new long[] {100, 200, 300, 400, 500}) leaves.offer(node(key(v)), 0, true);
        assertTrue(leaves.covers(key(50_000)));
    }

    @Test
    void removalLeavesRoomAndReportsTheSides() {
        NodeRef self = node(key(1_000));
        LeafSet leaves = new LeafSet(self, 4);
        for (long v : new long[] {1_010, 1_020, 990, 980}) leaves.offer(node(key(v)), 0, true);
        assertEquals(List.of(LeafSet.Side.LARGER), leaves.remove(key(1_010)));
        assertEquals(key(1_020), leaves.nearest(LeafSet.Side.LARGER).id());
        assertTrue(leaves.wouldAccept(key(1_500), true));
        assertTrue(leaves.remove(key(7)).isEmpty());
        leaves.remove(key(1_020));
        assertNull(leaves.farthest(LeafSet.Side.LARGER));
    }

    @Test
    void onlyLeafSetNewsWidensASideLeftShort() {
        NodeRef self = node(key(1_000));
        LeafSet leaves = new LeafSet(self, 8);
        for (long v : new long[] {1_010, 1_020, 1_030, 1_040, 990, 980, 970, 960}) leaves.offer(node(key(v)), 0, true);
        leaves.remove(key(1_040));
        assertFalse(leaves.offer(node(key(9_000)), 0, false), "a stranger beyond a short side would leave a gap");
        assertFalse(leaves.covers(key(5_000)));
        assertTrue(leaves.offer(node(key(1_025)), 0, false), "within the range a node fills a gap");
        leaves.remove(key(1_025));
        assertFalse(leaves.wouldAccept(key(1_050), false));
        assertTrue(leaves.wouldAccept(key(1_050), true));
        assertTrue(leaves.offer(node(key(1_050)), 0, true), "a member of a leaf set widens the side");
    }

    @Test
    void matchesTheGlobalViewWhenOfferedEveryNode() {
        Random r = new Random(5);
        List<Key> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) ids.add(Key.random(r));
        NodeRef self = node(ids.get(0));
        LeafSet leaves = new LeafSet(self, 16);
        for (Key id : ids) leaves.offer(node(id), 0, true);
        GlobalView view = new GlobalView(ids);
        assertTrue(GlobalViewCheck.leafSetAgrees(view, self.id(), leaves));
        for (int i = 0; i < 1_000; i++) {
            Key k = Key.random(r);
            if (leaves.covers(k)) assertEquals(view.numericallyClosest(k), leaves.closest(k).id());
        }
    }

    private static List<Key> ids(List<NodeRef> nodes) {
        return nodes.stream().map(NodeRef::id).toList();
    }
}
