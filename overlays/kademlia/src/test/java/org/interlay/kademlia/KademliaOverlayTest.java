package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.SimCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole overlays in simulation, checked against the simulator's global view. */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KademliaOverlayTest {
    private static final long MINUTE = 60_000;
    private static final int K = KademliaConfig.DEFAULT.k();

    static SimCluster stableCluster(int nodes, long seed) {
        SimCluster cluster = new SimCluster(new KademliaAlgorithm(), "kad.lab", seed);
        cluster.grow(nodes, 10, 10 * MINUTE);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE), "every node knows its k closest neighbours");
        return cluster;
    }

    static List<Record> store(SimCluster cluster, int count, long ttlMillis) {
        List<Record> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Record r = Record.of("binding", "sip:user" + i + "@kad.lab", ("contact" + i).getBytes(StandardCharsets.UTF_8),
                    "user" + i, cluster.scheduler().nowMillis(), ttlMillis);
            cluster.await(cluster.randomLive().put(r), MINUTE);
            stored.add(r);
        }
        return stored;
    }

    static int found(SimCluster cluster, List<Record> records) {
        int found = 0;
        for (Record r : records) {
            Optional<Record> got = cluster.await(cluster.randomLive().get(r.key()), MINUTE);
            if (got.isPresent() && got.get().valueAsText().equals(r.valueAsText())) found++;
        }
        return found;
    }

    static int holders(SimCluster cluster, Record record) {
        int n = 0;
        for (OverlayNode node : cluster.live()) if (holds(node, record)) n++;
        return n;
    }

    /** True when {@code node} holds {@code record} (under the version the overlay gave it). */
    static boolean holds(OverlayNode node, Record record) {
        return node.heldRecords().stream()
                .anyMatch(r -> r.key().equals(record.key()) && r.valueAsText().equals(record.valueAsText()));
    }

    static OverlayNode responsibleNode(SimCluster cluster, Record record) {
        return node(cluster, cluster.responsible(record.key()));
    }

    static OverlayNode node(SimCluster cluster, Key id) {
        return cluster.live().stream().filter(n -> n.self().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void isFoundByName() {
        assertInstanceOf(KademliaAlgorithm.class, OverlayAlgorithm.named("kademlia"));
    }

    @Test
    void everyLookupEndsAtTheNodeClosestToTheKeyByXor() {
        SimCluster cluster = stableCluster(300, 1);
        int rounds = 0;
        for (int i = 0; i < 300; i++) {
            Key key = Key.random(cluster.random());
            LookupResult r = cluster.await(cluster.randomLive().lookup(key), MINUTE);
            assertEquals(cluster.responsible(key), r.responsible().id(), "lookup of " + key);
            rounds += r.rounds();
        }
        assertTrue(rounds / 300.0 <= 3.0, "mean rounds " + rounds / 300.0);
    }

    @Test
    void everyStoredValueIsFoundAndLivesOnTheKClosestNodes() {
        SimCluster cluster = stableCluster(200, 2);
        List<Record> records = store(cluster, 100, 24 * 60 * MINUTE);
        cluster.scheduler().runFor(MINUTE);
        assertEquals(records.size(), found(cluster, records));
        for (Record r : records) {
            assertTrue(holds(responsibleNode(cluster, r), r), "the responsible node holds " + r);
            assertTrue(holders(cluster, r) >= K, r + " is held by " + holders(cluster, r) + " nodes");
        }
    }

    @Test
    void joiningNodesTakeRecordsOverAndLeavingNodesHandThemOn() {
        SimCluster cluster = stableCluster(150, 3);
        List<Record> records = store(cluster, 100, 24 * 60 * MINUTE);

        cluster.grow(60, 10, 10 * MINUTE);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE));
        cluster.scheduler().runFor(MINUTE);
        for (Record r : records) {
            assertTrue(holds(responsibleNode(cluster, r), r), "after joins, the responsible node holds " + r);
        }

        for (int i = 0; i < 60; i++) cluster.leave(cluster.randomLive(), MINUTE);
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE));
        cluster.scheduler().runFor(MINUTE);
        for (Record r : records) {
            assertTrue(holds(responsibleNode(cluster, r), r), "after leaves, the responsible node holds " + r);
        }
        assertEquals(records.size(), found(cluster, records));
    }

    @Test
    void aJoinWhoseBootstrapDiesAfterItsPongFailsRatherThanLeaveTheNodeAlone() {
        SimCluster cluster = stableCluster(20, 7);
        OverlayNode bootstrap = cluster.randomLive();
        OverlayNode newcomer = cluster.newNode();
        var join = newcomer.join(List.of(bootstrap.self().address()));
        boolean ponged = cluster.scheduler().runUntil(
                () -> ((Number) newcomer.routing().describe().get("contacts")).intValue() > 0, 1, MINUTE);
        assertTrue(ponged, "the bootstrap answered the ping");
        cluster.crash(bootstrap); // the lookup of the newcomer's own id is on its way to it
        cluster.scheduler().runUntil(join::isDone, 10, MINUTE);
        assertTrue(join.isCompletedExceptionally(), "a node that reached nobody has not joined");
        var error = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, join::get);
        assertInstanceOf(JoinFailedException.class, error.getCause() instanceof java.util.concurrent.CompletionException c
                ? c.getCause() : error.getCause());
    }

    @Test
    void aNodeThatLeavesIsDroppedAtOnceByTheNodesWhoseNeighbourItWas() {
        SimCluster cluster = stableCluster(100, 6);
        OverlayNode leaver = cluster.live().get(37);
        List<OverlayNode> neighbours = cluster.live().stream()
                .filter(n -> n != leaver && closestContacts(n).contains(leaver.self())).toList();
        assertTrue(neighbours.size() >= K, "it is among the k closest contacts of " + neighbours.size() + " nodes");
        cluster.leave(leaver, MINUTE);
        cluster.scheduler().runFor(1_000); // well within an rpc timeout: nobody has had to notice a silence
        for (OverlayNode n : neighbours) assertFalse(closestContacts(n).contains(leaver.self()), n + " forgot it");
        assertTrue(cluster.stabilize(1_000, 10 * MINUTE));
    }

    private static List<NodeRef> closestContacts(OverlayNode node) {
        RoutingTable table = ((KademliaRouting) node.routing()).table();
        return table.closest(table.self(), K);
    }

    @Test
    void aFifthOfTheNodesCrashingAtOnceLosesNoRecord() {
        SimCluster cluster = stableCluster(300, 4);
        List<Record> records = store(cluster, 200, 24 * 60 * MINUTE);
        cluster.crashFraction(0.2);
        cluster.scheduler().runFor(MINUTE);

        assertEquals(records.size(), found(cluster, records));
        int correct = 0;
        for (int i = 0; i < 200; i++) {
            Key key = Key.random(cluster.random());
            LookupResult r = cluster.await(cluster.randomLive().lookup(key), MINUTE);
            if (r.responsible().id().equals(cluster.responsible(key))) correct++;
        }
        assertTrue(correct >= 198, correct + " of 200 lookups found the responsible node");
    }

    /** Section 2.5: copying records to new replicas keeps their expiry, so they still expire. */
    @Test
    void recordsExpireEvenWhileTheyAreCopiedToNewNodes() {
        SimCluster cluster = stableCluster(60, 5);
        List<Record> records = store(cluster, 20, MINUTE);
        assertEquals(records.size(), found(cluster, records));

        cluster.scheduler().runFor(MINUTE / 2);
        cluster.grow(30, 10, 10 * MINUTE);
        cluster.scheduler().runFor(MINUTE / 2 + 3 * cluster.live().get(0).config().maintenanceMillis());

        assertEquals(0, found(cluster, records));
        for (OverlayNode n : cluster.live()) assertEquals(0, n.storedRecords(), n.self() + " still stores records");
    }
}
