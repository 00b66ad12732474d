package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** A stable ring routes every key to its successor, iteratively and recursively, and never loops. */
class ChordRingTest {
    private static final long LIMIT = 10 * 60_000;

    static SimCluster cluster(NodeConfig.LookupMode mode, long seed) {
        NodeConfig config = NodeConfig.defaults("chord-test").withRpc(SimDefaults.RPC).withLookupMode(mode);
        return new SimCluster(new ChordAlgorithm(), config, PlaneLatency.wideArea(seed), seed);
    }

    static SimCluster stableRing(int nodes, NodeConfig.LookupMode mode, long seed) {
        SimCluster c = cluster(mode, seed);
        assertEquals(0, c.grow(nodes, 50, LIMIT));
        assertTrue(c.stabilize(1_000, LIMIT), () -> c.disagreeing() + " nodes disagree with the global view");
        return c;
    }

    @ParameterizedTest
    @EnumSource(NodeConfig.LookupMode.class)
    void everyLookupEndsAtTheSuccessorOfTheKey(NodeConfig.LookupMode mode) {
        SimCluster c = stableRing(64, mode, 3);
        GlobalView view = c.view();
        Random keys = new Random(5);
        int maxHops = 0;
        for (int i = 0; i < 400; i++) {
            Key key = Key.random(keys);
            OverlayNode from = c.randomLive();
            LookupResult r = c.await(from.lookup(key), LIMIT);
            assertEquals(view.successor(key), r.responsible().id(), "lookup of " + key + " from " + from.self());
            assertEquals(r.hops(), r.route().size() - 1);
            assertEquals(r.hops(), r.route().stream().distinct().count() - 1, "no node twice on a route");
            maxHops = Math.max(maxHops, r.hops());
        }
        assertTrue(maxHops <= 6, "log2 64 bounds the path: " + maxHops);
    }

    @Test
    void eachNodeKnowsWhatItIsResponsibleForAndWhoReplicatesIt() {
        SimCluster c = stableRing(40, NodeConfig.LookupMode.ITERATIVE, 9);
        GlobalView view = c.view();
        Random keys = new Random(1);
        for (int i = 0; i < 200; i++) {
            Key key = Key.random(keys);
            for (OverlayNode n : c.live()) {
                assertEquals(view.successor(key).equals(n.self().id()), n.routing().isResponsible(key));
            }
        }
        for (OverlayNode n : c.live()) {
            List<Key> replicas = n.routing().replicaSet(n.self().id(), 8).stream().map(NodeRef::id).toList();
            assertEquals(view.successorsOf(n.self().id(), 8), replicas);
        }
    }

    @Test
    void forwardingOnlyNamesNodesBetweenTheDeciderAndTheKey() {
        SimCluster c = stableRing(120, NodeConfig.LookupMode.ITERATIVE, 13);
        Random keys = new Random(2);
        for (int i = 0; i < 300; i++) {
            Key key = Key.random(keys);
            OverlayNode n = c.randomLive();
            if (n.routing().route(key) instanceof RouteStep.Forward f) {
                assertTrue(!f.closer().isEmpty() && f.closer().size() <= ChordRouting.FORWARD_CANDIDATES);
                Key previous = null;
                for (NodeRef next : f.closer()) {
                    assertTrue(next.id().isBetweenExclusive(n.self().id(), key), "each step gets closer to the key");
                    if (previous != null) {
                        assertTrue(previous.clockwiseTo(key).compareTo(next.id().clockwiseTo(key)) < 0, "best first");
                    }
                    previous = next.id();
                }
            }
        }
    }

    @Test
    void nodesJoiningAllAtOnceConvergeToTheRing() {
        SimCluster c = cluster(NodeConfig.LookupMode.ITERATIVE, 17);
        assertEquals(0, c.grow(150, 2, LIMIT), "150 joins, 2 ms apart");
        assertTrue(c.stabilize(1_000, LIMIT), () -> c.disagreeing() + " nodes disagree with the global view");
        Random keys = new Random(4);
        for (int i = 0; i < 100; i++) {
            Key key = Key.random(keys);
            assertEquals(c.responsible(key), c.await(c.randomLive().lookup(key), LIMIT).responsible().id());
        }
    }
}
