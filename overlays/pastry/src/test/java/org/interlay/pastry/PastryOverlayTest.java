package org.interlay.pastry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pastry overlays in simulation, checked against the simulator's global view. */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PastryOverlayTest {
    private static final long MINUTE = 60_000;

    private static SimCluster build(NodeConfig config, int nodes, long seed) {
        SimCluster cluster = new SimCluster(new PastryAlgorithm(), config, PlaneLatency.wideArea(seed), seed);
        cluster.grow(nodes, 10, 10 * MINUTE);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE), "not stable: " + cluster.disagreeing() + " nodes disagree");
        return cluster;
    }

    private static SimCluster build(int nodes, long seed) {
        return build(NodeConfig.defaults("pastry.test").withRpc(SimDefaults.RPC), nodes, seed);
    }

    @Test
    void isFoundByName() {
        assertInstanceOf(PastryAlgorithm.class, OverlayAlgorithm.named("pastry"));
    }

    @Test
    void everyLookupEndsAtTheNumericallyClosestNode() {
        SimCluster cluster = build(400, 1);
        List<LookupResult> results = lookups(cluster, 1_000, new Random(2));
        int maxHops = results.stream().mapToInt(LookupResult::hops).max().orElseThrow();
        assertTrue(maxHops <= 4, "at most ceil(log16 400) + 1 hops, got " + maxHops); // ceil(log16 400) = 3
    }

    @Test
    void recursiveLookupsEndThereToo() {
        NodeConfig recursive = NodeConfig.defaults("pastry.test").withRpc(SimDefaults.RPC)
                .withLookupMode(NodeConfig.LookupMode.RECURSIVE);
        SimCluster cluster = build(recursive, 200, 3);
        lookups(cluster, 300, new Random(4));
    }

    @Test
    void joiningNodesTakeOverTheKeysTheyAreResponsibleFor() {
        SimCluster cluster = build(100, 5);
        List<Record> records = store(cluster, 200);
        cluster.grow(40, 10, 10 * MINUTE);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE));
        cluster.scheduler().runFor(MINUTE);
        assertHeldByResponsibleNodes(cluster, records);
        assertAllFound(cluster, records);
    }

    @Test
    void leavingNodesHandTheirKeysOver() {
        SimCluster cluster = build(120, 6);
        List<Record> records = store(cluster, 200);
        for (int i = 0; i < 30; i++) {
            Key k = records.get(i).key();
            OverlayNode holder = node(cluster, cluster.responsible(k));
            cluster.leave(holder, MINUTE);
        }
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE));
        cluster.scheduler().runFor(MINUTE);
        assertHeldByResponsibleNodes(cluster, records);
        assertAllFound(cluster, records);
    }

    @Test
    void aFifthOfTheNodesCrashingAtOnceLosesNoRecord() {
        SimCluster cluster = build(500, 7);
        List<Record> records = store(cluster, 500);
        cluster.scheduler().runFor(20_000);
        cluster.crashFraction(0.2);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE), "not stable after the crash");
        assertAllFound(cluster, records);
        lookups(cluster, 500, new Random(8));
    }

    /** Runs lookups of random keys from random nodes; each must end at the node the global view names. */
    private static List<LookupResult> lookups(SimCluster cluster, int count, Random random) {
        List<Key> keys = new ArrayList<>();
        List<CompletableFuture<LookupResult>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Key k = Key.random(random);
            keys.add(k);
            futures.add(cluster.live().get(random.nextInt(cluster.live().size())).lookup(k));
        }
        List<LookupResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LookupResult r = cluster.await(futures.get(i), MINUTE);
            assertEquals(cluster.responsible(keys.get(i)), r.responsible().id(), "lookup of " + keys.get(i));
            results.add(r);
        }
        return results;
    }

    private static List<Record> store(SimCluster cluster, int count) {
        List<Record> records = new ArrayList<>();
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Record r = Record.of("sip-binding", "sip:user" + i + "@pastry.test", ("sip:user" + i + "@host").getBytes(),
                    "user" + i, cluster.scheduler().nowMillis(), 24 * 60 * MINUTE);
            records.add(r);
            puts.add(cluster.randomLive().put(r));
        }
        puts.forEach(f -> cluster.await(f, MINUTE));
        return records;
    }

    private static void assertAllFound(SimCluster cluster, List<Record> records) {
        for (Record r : records) {
            Optional<Record> found = cluster.await(cluster.randomLive().get(r.key()), MINUTE);
            assertTrue(found.isPresent(), "record " + r.name() + " lost");
            assertEquals(r.valueAsText(), found.get().valueAsText());
        }
    }

    private static void assertHeldByResponsibleNodes(SimCluster cluster, List<Record> records) {
        for (Record r : records) {
            OverlayNode responsible = node(cluster, cluster.responsible(r.key()));
            assertTrue(responsible.heldRecords().stream().anyMatch(h -> h.key().equals(r.key())),
                    r.name() + " is not held by its responsible node " + responsible.self());
        }
    }

    private static OverlayNode node(SimCluster cluster, Key id) {
        return cluster.live().stream().filter(n -> n.self().id().equals(id)).findFirst().orElseThrow();
    }
}
