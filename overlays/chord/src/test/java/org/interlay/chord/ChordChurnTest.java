package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.sim.SimCluster;
import org.junit.jupiter.api.Test;

/** Records survive nodes leaving gracefully and a fifth of the ring crashing at once. */
class ChordChurnTest {
    private static final long LIMIT = 10 * 60_000;

    private static List<Record> store(SimCluster c, int count) {
        List<Record> records = new ArrayList<>();
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Record r = Record.of("sip-binding", "user" + i + "@chord.test", ("sip:user" + i + "@127.0.0.1").getBytes(),
                    "user" + i, c.scheduler().nowMillis(), 24 * 3_600_000L);
            records.add(r);
            puts.add(c.randomLive().put(r));
            c.scheduler().runFor(2);
        }
        c.await(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)), LIMIT);
        return records;
    }

    private static void assertAllFound(SimCluster c, List<Record> records) {
        for (Record r : records) {
            Optional<Record> got = c.await(c.randomLive().get(r.key()), LIMIT);
            assertTrue(got.isPresent(), () -> r.name() + " was lost");
            assertArrayEquals(r.value(), got.get().value());
        }
    }

    @Test
    void recordsFollowNodesThatLeaveGracefully() {
        SimCluster c = ChordRingTest.stableRing(40, NodeConfig.LookupMode.ITERATIVE, 21);
        List<Record> records = store(c, 120);
        for (int i = 0; i < 15; i++) {
            c.leave(c.randomLive(), LIMIT);
            c.scheduler().runFor(500);
        }
        assertTrue(c.stabilize(1_000, LIMIT), "the ring closes over the departures");
        assertAllFound(c, records);
        // Every record sits on its responsible node, not only on replicas.
        GlobalView view = c.view();
        for (Record r : records) {
            Key owner = view.successor(r.key());
            assertTrue(c.live().stream().filter(n -> n.self().id().equals(owner))
                    .anyMatch(n -> n.heldRecords().stream().anyMatch(h -> h.key().equals(r.key()))), r.name());
        }
    }

    @Test
    void newNodesTakeOverTheKeysTheyBecomeResponsibleFor() {
        SimCluster c = ChordRingTest.stableRing(20, NodeConfig.LookupMode.ITERATIVE, 23);
        List<Record> records = store(c, 100);
        assertEquals(0, c.grow(40, 100, LIMIT));
        assertTrue(c.stabilize(1_000, LIMIT));
        c.scheduler().runFor(20_000); // replica maintenance hands records to their new nodes
        GlobalView view = c.view();
        for (Record r : records) {
            Key owner = view.successor(r.key());
            assertTrue(c.live().stream().filter(n -> n.self().id().equals(owner))
                    .anyMatch(n -> n.heldRecords().stream().anyMatch(h -> h.key().equals(r.key()))),
                    () -> r.name() + " was not handed to its new node");
        }
        assertAllFound(c, records);
    }

    @Test
    void aFifthCrashingAtOnceLosesNoRecordAndLookupsRecover() {
        SimCluster c = ChordRingTest.stableRing(300, NodeConfig.LookupMode.ITERATIVE, 25);
        List<Record> records = store(c, 400);
        assertEquals(60, c.crashFraction(0.2).size());
        assertTrue(c.stabilize(1_000, LIMIT), () -> c.disagreeing() + " nodes disagree after the crash");
        c.scheduler().runFor(20_000);
        assertAllFound(c, records);
        Random keys = new Random(8);
        for (int i = 0; i < 200; i++) {
            Key key = Key.random(keys);
            assertEquals(c.responsible(key), c.await(c.randomLive().lookup(key), LIMIT).responsible().id());
        }
    }
}
