package org.interlay.pastry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private static final Key SELF = Key.fromHex("a3f" + "0".repeat(37));

    private static NodeRef node(String hexPrefix) {
        return LeafSetTest.node(Key.fromHex(hexPrefix + "1".repeat(40 - hexPrefix.length())));
    }

    @Test
    void placesANodeByTheLengthOfTheSharedPrefixAndItsNextDigit() {
        RoutingTable table = new RoutingTable(SELF, 4);
        assertEquals(new RoutingTable.Slot(0, 5), table.slotOf(node("5").id()));
        assertEquals(new RoutingTable.Slot(1, 0xc), table.slotOf(node("ac").id()));
        assertEquals(new RoutingTable.Slot(2, 0), table.slotOf(node("a30").id()));
        assertNull(table.slotOf(SELF));
    }

    @Test
    void keepsTheCloserNodeOfTwoForOneEntry() {
        RoutingTable table = new RoutingTable(SELF, 4);
        NodeRef far = node("51");
        NodeRef near = node("52");
        assertTrue(table.offer(far, 80, 0));
        assertTrue(table.offer(near, 20, 0), "a closer node replaces a farther one");
        assertFalse(table.offer(far, 80, 0));
        assertEquals(near, table.get(0, 5));
        assertFalse(table.offer(node("53"), RoutingTable.UNMEASURED, 0), "an unmeasured node does not replace a measured one");
        assertEquals(1, table.size());
    }

    @Test
    void anUnmeasuredEntryIsReplacedByAnyMeasuredNode() {
        RoutingTable table = new RoutingTable(SELF, 4);
        assertTrue(table.offer(node("71"), RoutingTable.UNMEASURED, 0));
        assertTrue(table.offer(node("72"), 95, 0));
        assertEquals(95, table.rttAt(0, 7));
    }

    @Test
    void rowsAndRemoval() {
        RoutingTable table = new RoutingTable(SELF, 4);
        NodeRef a = node("1");
        NodeRef b = node("a1");
        NodeRef c = node("a31");
        table.offer(a, 10, 0);
        table.offer(b, 10, 0);
        table.offer(c, 10, 0);
        assertEquals(2, table.deepestRow());
        assertEquals(List.of(b), table.row(1));
        assertEquals(new RoutingTable.Slot(1, 1), table.remove(b.id()));
        assertNull(table.remove(b.id()));
        assertTrue(table.row(1).isEmpty());
        assertEquals(a, table.find(a.address()));
        assertEquals(List.of(a, c), table.entries());
    }

    @Test
    void staleEntriesAreThoseNotHeardFromOrNotMeasured() {
        RoutingTable table = new RoutingTable(SELF, 4);
        NodeRef quiet = node("1");
        NodeRef heard = node("2");
        NodeRef unmeasured = node("3");
        table.offer(quiet, 10, 0);
        table.offer(heard, 10, 0);
        table.offer(unmeasured, RoutingTable.UNMEASURED, 5_000);
        table.touch(heard.id(), 5_000);
        assertEquals(List.of(quiet, unmeasured), table.staleEntries(1_000, 10));
    }

    @Test
    void agreesWithTheViewOnlyWhenEveryFillableEntryIsFilledWithLiveNodes() {
        NodeRef x = node("1");
        NodeRef y = node("a4");
        GlobalView view = new GlobalView(List.of(SELF, x.id(), y.id()));
        RoutingTable table = new RoutingTable(SELF, 4);
        table.offer(x, 10, 0);
        assertFalse(GlobalViewCheck.tableAgrees(view, SELF, table), "the entry for a4 is missing");
        table.offer(y, 10, 0);
        assertTrue(GlobalViewCheck.tableAgrees(view, SELF, table));
        assertFalse(GlobalViewCheck.tableAgrees(new GlobalView(List.of(SELF, x.id())), SELF, table), "a4 is dead");
    }

    @Test
    void smallestKeyOfAPrefix() {
        assertEquals(Key.fromHex("a37" + "0".repeat(37)), GlobalViewCheck.withDigit(Key.fromHex("a3" + "f".repeat(38)), 2, 7, 4));
        assertEquals(Key.fromHex("4" + "0".repeat(39)), GlobalViewCheck.withDigit(Key.MAX, 0, 4, 4));
    }
}
