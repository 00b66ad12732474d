package org.interlay.pastry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.RouteStep;
import org.junit.jupiter.api.Test;

/** The routing procedure of Table 1 on hand-made state. */
class RoutingProcedureTest {
    private static NodeRef node(String hexPrefix) {
        return LeafSetTest.node(key(hexPrefix));
    }

    private static Key key(String hexPrefix) {
        return Key.fromHex(hexPrefix + "0".repeat(40 - hexPrefix.length()));
    }

    private static Key resolved(RouteStep step) {
        return assertInstanceOf(RouteStep.Resolved.class, step).responsible().id();
    }

    private final NodeRef self = node("a3f0");
    private final LeafSet leaves = new LeafSet(self, 4);
    private final RoutingTable table = new RoutingTable(self.id(), 4);
    private final NeighbourhoodSet neighbourhood = new NeighbourhoodSet(4);
    private final RoutingProcedure procedure = new RoutingProcedure(self, leaves, table, neighbourhood, 16);

    private void fill() {
        for (String id : new String[] {"a3f1", "a3f2", "a3ef", "a3ee"}) leaves.offer(node(id), 0, true);
        for (String id : new String[] {"1", "5", "b", "a1", "a7", "a30", "a3a"}) table.offer(node(id), 10, 0);
    }

    @Test
    void aKeyWithinTheLeafSetGoesToTheNumericallyClosestLeaf() {
        fill();
        assertEquals(key("a3f1"), resolved(procedure.route(key("a3f18"))));
        assertEquals(self.id(), resolved(procedure.route(key("a3f00001"))));
    }

    @Test
    void otherwiseTheRoutingTableEntryForTheNextDigitComesFirst() {
        fill();
        RouteStep step = procedure.route(Key.fromHex("a7" + "9".repeat(38)));
        RouteStep.Forward f = assertInstanceOf(RouteStep.Forward.class, step);
        assertEquals(key("a7"), f.closer().get(0).id());
    }

    @Test
    void theRareCaseForwardsToANumericallyCloserNodeWithAsLongAPrefix() {
        fill();
        // row 1 has no entry for digit 9: a7 shares one digit with the key as this node does, and is closer
        RouteStep step = procedure.route(key("a9"));
        RouteStep.Forward f = assertInstanceOf(RouteStep.Forward.class, step);
        assertEquals(key("a7"), f.closer().get(0).id());
    }

    @Test
    void aNodeThatKnowsNoOtherIsResponsibleForEveryKey() {
        assertEquals(self.id(), resolved(procedure.route(key("5"))));
    }

    @Test
    void aJoiningNodeIsNotNamedForItsOwnId() {
        fill();
        NodeRef joiner = node("a3f08");
        leaves.offer(joiner, 0, true);
        assertEquals(self.id(), resolved(procedure.route(joiner.id(), joiner.id())));
    }

    @Test
    void everyNodeOfferedIsBetterThanThisOneSoRoutesCannotLoop() {
        Random r = new Random(3);
        List<Key> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) ids.add(Key.random(r));
        GlobalView view = new GlobalView(ids);
        NodeRef me = LeafSetTest.node(ids.get(0));
        LeafSet l = new LeafSet(me, 16);
        RoutingTable t = new RoutingTable(me.id(), 4);
        NeighbourhoodSet m = new NeighbourhoodSet(32);
        for (int i = 1; i < ids.size(); i++) {
            NodeRef n = LeafSetTest.node(ids.get(i));
            l.offer(n, 0, true);
            if (r.nextInt(3) == 0) t.offer(n, r.nextInt(100), 0); // a sparse table: the rare case happens
            if (r.nextInt(100) == 0) m.offer(n, r.nextInt(100), 0);
        }
        RoutingProcedure p = new RoutingProcedure(me, l, t, m, 16);
        for (int i = 0; i < 2_000; i++) {
            Key key = Key.random(r);
            RouteStep step = p.route(key);
            if (step instanceof RouteStep.Resolved res) {
                assertEquals(view.numericallyClosest(key), res.responsible().id(), "resolved only when right");
                continue;
            }
            int prefix = me.id().sharedPrefixDigits(key, 4);
            Key distance = me.id().ringDistance(key);
            for (NodeRef n : ((RouteStep.Forward) step).closer()) {
                int np = n.id().sharedPrefixDigits(key, 4);
                assertTrue(np > prefix || (np == prefix && n.id().ringDistance(key).compareTo(distance) < 0),
                        n + " is no better than this node for " + key);
            }
        }
    }
}
