package org.interlay.overlay.testsuite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Address;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Record;
import org.interlay.overlay.client.OverlayClient;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.sim.OverlaySnapshot;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.UdpCluster;
import org.interlay.overlay.wire.FrameCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every overlay algorithm must do, whatever its routing: each algorithm's module subclasses this
 * in its tests and names its algorithm. In simulation (seeded, virtual time) except where real sockets
 * are the point. It lives in a module of its own that modules use in test scope only, so JUnit never
 * reaches the product.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class OverlayContractTest {
    private static final long SEED = 20011;
    private static final long LIMIT = 10 * 60_000;

    /** The algorithm under test. */
    protected abstract OverlayAlgorithm algorithm();

    private SimCluster stableCluster(int nodes) {
        SimCluster c = new SimCluster(algorithm(), algorithm().name() + ".contract", SEED);
        assertEquals(0, c.grow(nodes, 20, LIMIT), "every join completes");
        assertTrue(c.stabilize(1_000, LIMIT), () -> c.disagreeing() + " of " + nodes + " nodes disagree with the global view");
        return c;
    }

    private static Record record(SimCluster c, String aor, String contact) {
        return Record.of("sip-binding", aor, contact.getBytes(), aor, c.scheduler().nowMillis(), 24 * 3_600_000L);
    }

    private List<Record> storeRecords(SimCluster c, int count) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Record r = record(c, "user" + i + "@" + algorithm().name() + ".lab", "sip:user" + i + "@127.0.0.1:" + (5000 + i));
            c.await(c.randomLive().put(r), LIMIT);
            records.add(r);
        }
        return records;
    }

    private void assertAllFound(SimCluster c, List<Record> records) {
        for (Record r : records) {
            Optional<Record> got = c.await(c.randomLive().get(r.key()), LIMIT);
            assertTrue(got.isPresent(), () -> "record " + r.name() + " was lost");
            assertArrayEquals(r.value(), got.get().value(), r.name());
        }
    }

    @Test
    void everyLookupEndsAtTheResponsibleNode() {
        SimCluster c = stableCluster(100);
        Random keys = new Random(3);
        for (int i = 0; i < 300; i++) {
            Key key = Key.random(keys);
            LookupResult r = c.await(c.randomLive().lookup(key), LIMIT);
            assertEquals(c.responsible(key), r.responsible().id(), "lookup " + i + " of " + key);
            assertEquals(r.hops(), r.route().size() - 1, "the route has one node more than it has hops");
        }
    }

    @Test
    void aNodeLookingUpAKeyItHoldsTakesNoHops() {
        SimCluster c = stableCluster(20);
        OverlayNode n = c.live().get(0);
        LookupResult r = c.await(n.lookup(n.self().id()), LIMIT);
        assertEquals(n.self(), r.responsible());
        assertEquals(0, r.hops());
    }

    @Test
    void putGetReplaceAndRemove() {
        SimCluster c = stableCluster(40);
        Record first = record(c, "alice@" + algorithm().name() + ".lab", "sip:alice@127.0.0.1:5060");
        c.await(c.randomLive().put(first), LIMIT);
        assertEquals("sip:alice@127.0.0.1:5060", c.await(c.randomLive().get(first.key()), LIMIT).orElseThrow().valueAsText());

        Record second = record(c, first.name(), "sip:alice@127.0.0.1:5070");
        c.await(c.randomLive().put(second), LIMIT);
        assertEquals("sip:alice@127.0.0.1:5070", c.await(c.randomLive().get(first.key()), LIMIT).orElseThrow().valueAsText());

        c.await(c.randomLive().remove(first.key()), LIMIT);
        assertEquals(Optional.empty(), c.await(c.randomLive().get(first.key()), LIMIT));
        c.scheduler().runFor(60_000); // replica maintenance must not bring it back
        assertEquals(Optional.empty(), c.await(c.randomLive().get(first.key()), LIMIT));
    }

    @Test
    void gracefulLeavesHandRecordsOver() {
        SimCluster c = stableCluster(30);
        List<Record> records = storeRecords(c, 60);
        for (int i = 0; i < 10; i++) {
            c.leave(c.randomLive(), LIMIT);
            c.scheduler().runFor(5_000);
        }
        c.stabilize(1_000, LIMIT);
        assertAllFound(c, records);
    }

    @Test
    void aFifthCrashingAtOnceLosesNoRecord() {
        SimCluster c = stableCluster(150);
        List<Record> records = storeRecords(c, 200);
        c.crashFraction(0.2);
        assertTrue(c.stabilize(1_000, LIMIT), "the overlay repairs itself");
        c.scheduler().runFor(30_000);
        assertAllFound(c, records);
        Random keys = new Random(5);
        for (int i = 0; i < 100; i++) {
            Key key = Key.random(keys);
            assertEquals(c.responsible(key), c.await(c.randomLive().lookup(key), LIMIT).responsible().id());
        }
    }

    /**
     * A peer restarted on its old host and port has its old id but an empty store. The others must
     * give it its copies again, not count it as holding what the crashed one held: once the rest
     * crash, the records live on the restarted node alone.
     */
    @Test
    void aNodeRestartedWithItsOldIdIsGivenItsCopiesAgain() {
        SimCluster c = stableCluster(6);
        List<Record> records = storeRecords(c, 30);
        c.scheduler().runFor(30_000);
        OverlayNode old = c.live().get(2);
        c.crash(old);
        assertTrue(c.stabilize(1_000, LIMIT), "the overlay repairs itself after the crash");
        OverlayNode back = c.await(c.restart(old), LIMIT);
        assertEquals(old.self(), back.self(), "same id, same address");
        assertTrue(c.stabilize(1_000, LIMIT), "the restarted node is taken in");
        c.scheduler().runFor(60_000);
        for (OverlayNode n : List.copyOf(c.live())) {
            if (n != back) c.crash(n);
        }
        c.scheduler().runFor(5_000);
        assertAllFound(c, records);
    }

    @Test
    void recordsExpire() {
        SimCluster c = stableCluster(20);
        Record r = Record.of("presence", "bob@" + algorithm().name() + ".lab", "open".getBytes(), "bob",
                c.scheduler().nowMillis(), 30_000);
        c.await(c.randomLive().put(r), LIMIT);
        assertTrue(c.await(c.randomLive().get(r.key()), LIMIT).isPresent());
        c.scheduler().runFor(31_000);
        assertEquals(Optional.empty(), c.await(c.randomLive().get(r.key()), LIMIT));
    }

    @Test
    void lateJoinersTakeOverTheirKeys() {
        SimCluster c = stableCluster(20);
        List<Record> records = storeRecords(c, 60);
        c.grow(20, 200, LIMIT);
        assertTrue(c.stabilize(1_000, LIMIT));
        c.scheduler().runFor(30_000);
        assertAllFound(c, records);
    }

    // ---- the client role: reaches the overlay through a peer, and the overlay never learns of it ----

    @Test
    void aClientPutsGetsRemovesAndLooksUpThroughItsPeer() {
        SimCluster c = stableCluster(30);
        OverlayClient client = c.newClient();
        c.await(client.join(List.of(c.randomLive().self().address())), LIMIT);
        assertEquals(algorithm().name(), client.algorithm(), "the peer says what the overlay runs");
        Record r = record(c, "carol@" + algorithm().name() + ".lab", "sip:carol@127.0.0.1:5080");
        c.await(client.put(r), LIMIT);
        assertEquals("sip:carol@127.0.0.1:5080", c.await(c.randomLive().get(r.key()), LIMIT).orElseThrow().valueAsText(),
                "a peer finds what the client put");
        assertEquals("sip:carol@127.0.0.1:5080", c.await(client.get(r.key()), LIMIT).orElseThrow().valueAsText());
        Random keys = new Random(7);
        for (int i = 0; i < 50; i++) {
            Key key = Key.random(keys);
            LookupResult found = c.await(client.lookup(key), LIMIT);
            assertEquals(c.responsible(key), found.responsible().id(), "client lookup " + i + " of " + key);
            assertNotEquals(client.self().id(), found.responsible().id());
        }
        c.await(client.remove(r.key()), LIMIT);
        assertEquals(Optional.empty(), c.await(client.get(r.key()), LIMIT));
        assertEquals(Optional.empty(), c.await(c.randomLive().get(r.key()), LIMIT));
        client.halt();
    }

    /**
     * The shell's lookups: a client's lookups and gets leave every routing table and every record
     * where it was, and no node ever names the client.
     */
    @Test
    void aClientsLookupsAndGetsLeaveEveryRoutingTableAndRecordAsTheyWere() {
        SimCluster c = stableCluster(12);
        List<Record> records = storeRecords(c, 40);
        OverlaySnapshot before = quiet(c);
        assertTrue(before.recordCopies() >= records.size(), "the records are held before the client comes");

        OverlayClient client = c.newClient();
        c.await(client.join(List.of(c.randomLive().self().address())), LIMIT);
        Random keys = new Random(11);
        for (int i = 0; i < 20; i++) c.await(client.lookup(Key.random(keys)), LIMIT);
        for (Record r : records) {
            assertArrayEquals(r.value(), c.await(client.get(r.key()), LIMIT).orElseThrow().value(), r.name());
        }
        OverlaySnapshot after = c.snapshot();
        Address peer = client.peer().orElseThrow();
        client.halt();

        assertFalse(after.anyoneKnows(client.self()), "no routing table names the client");
        assertEquals(List.of(), before.changesTo(after), "every routing table and every record is as it was; the client went through " + peer);
        assertEquals(List.of(), after.changesTo(c.snapshot()), "the client's going changes nothing either");
    }

    /**
     * Runs until a minute of virtual time passes with no node learning or forgetting a contact or a
     * record, and returns that state. (An algorithm's maintenance may go on finding contacts long after
     * the overlay agrees with the global view: in an overlay of 30, Pastry nodes were still learning a
     * contact every few minutes ten minutes on. In one of 12, every node soon knows every other.)
     */
    private static OverlaySnapshot quiet(SimCluster c) {
        OverlaySnapshot last = c.snapshot();
        long deadline = c.scheduler().nowMillis() + LIMIT;
        while (c.scheduler().nowMillis() < deadline) {
            c.scheduler().runFor(60_000);
            OverlaySnapshot now = c.snapshot();
            if (last.changesTo(now).isEmpty()) return now;
            last = now;
        }
        throw new AssertionError("the overlay never went a minute without a change: " + last.changesTo(c.snapshot()));
    }

    /** The client's peer crashes with a request of the client's on its way: the client moves on, and the request succeeds. */
    @Test
    void aClientWhosePeerDiesMidRequestMovesToAnotherPeer() {
        SimCluster c = stableCluster(20);
        Record r = record(c, "dave@" + algorithm().name() + ".lab", "sip:dave@127.0.0.1:5090");
        c.await(c.randomLive().put(r), LIMIT);
        List<Address> two = List.of(c.live().get(3).self().address(), c.live().get(7).self().address());
        OverlayClient client = c.newClient();
        c.await(client.join(two), LIMIT);
        Address first = client.peer().orElseThrow();
        CompletableFuture<Optional<Record>> asked = client.get(r.key());
        c.crash(c.live().stream().filter(n -> n.self().address().equals(first)).findFirst().orElseThrow());
        assertEquals("sip:dave@127.0.0.1:5090", c.await(asked, LIMIT).orElseThrow().valueAsText());
        Address second = client.peer().orElseThrow();
        assertNotEquals(first, second, "the client moved to another peer");
        assertEquals(1, client.moves());
        Key key = Key.random(new Random(13));
        assertEquals(c.responsible(key), c.await(client.lookup(key), LIMIT).responsible().id(), "and goes on from there");
        assertFalse(c.snapshot().anyoneKnows(client.self()));
        client.halt();
    }

    @Test
    void aClientWithNoPeerThatAnswersCannotJoin() {
        SimCluster c = stableCluster(5);
        OverlayClient lonely = c.newClient();
        assertThrows(JoinFailedException.class, () -> c.await(lonely.join(List.of()), LIMIT), "a client creates no overlay");
        OverlayClient late = c.newClient();
        OverlayNode gone = c.live().get(1);
        c.crash(gone);
        JoinFailedException e = assertThrows(JoinFailedException.class,
                () -> c.await(late.join(List.of(gone.self().address())), LIMIT));
        assertTrue(e.getMessage().contains("no peer"), e.getMessage());
    }

    /** The client on real sockets: its lookups and gets change nothing, and it moves on when its peer dies. */
    @Test
    void aClientOnRealUdpChangesNothingAndMovesOnWhenItsPeerDies() throws Exception {
        NodeConfig config = NodeConfig.defaults(algorithm().name() + ".client").withPeriods(1_000, 200)
                .withRpc(new RpcConfig(200, 3, 2.0));
        try (UdpCluster cluster = new UdpCluster(algorithm(), config, SEED)) {
            cluster.grow(6, Duration.ofSeconds(10));
            assertTrue(cluster.awaitStable(Duration.ofSeconds(30)), "6 nodes on UDP stabilize");
            OverlayNode writer = cluster.nodes().get(0);
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Record r = Record.of("sip-binding", "user" + i + "@" + algorithm().name() + ".lab", ("sip:user" + i).getBytes(),
                        "user" + i, writer.clock().nowMillis(), 3_600_000L);
                writer.put(r).get(10, TimeUnit.SECONDS);
                records.add(r);
            }
            for (OverlayNode n : cluster.nodes()) {
                assertTrue(awaitHolding(cluster, n, records.size()), "every node holds every record of six");
            }
            OverlaySnapshot before = cluster.snapshot();
            OverlayClient client = cluster.newClient();
            client.join(List.of(cluster.nodes().get(2).self().address(), cluster.nodes().get(4).self().address()))
                    .get(10, TimeUnit.SECONDS);
            Random keys = new Random(17);
            for (int i = 0; i < 10; i++) {
                Key key = Key.random(keys);
                assertEquals(cluster.responsible(key), client.lookup(key).get(10, TimeUnit.SECONDS).responsible().id());
            }
            for (Record r : records) assertTrue(client.get(r.key()).get(10, TimeUnit.SECONDS).isPresent(), r.name());
            OverlaySnapshot after = cluster.snapshot();
            assertFalse(after.anyoneKnows(client.self()), "no routing table names the client");
            assertEquals(List.of(), before.changesTo(after), "routing tables and records as they were");

            Address first = client.peer().orElseThrow();
            cluster.crash(cluster.nodes().stream().filter(n -> n.self().address().equals(first)).findFirst().orElseThrow());
            assertTrue(client.get(records.get(0).key()).get(20, TimeUnit.SECONDS).isPresent(), "found through another peer");
            assertNotEquals(first, client.peer().orElseThrow());
            assertEquals(1, client.moves());
            client.halt();
        }
    }

    @Test
    void survivesGarbageDatagramsOnRealUdp() throws Exception {
        NodeConfig config = NodeConfig.defaults(algorithm().name() + ".udp").withPeriods(2_000, 200)
                .withRpc(new RpcConfig(200, 3, 2.0));
        try (UdpCluster cluster = new UdpCluster(algorithm(), config, SEED);
             DatagramSocket attacker = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            cluster.grow(8, Duration.ofSeconds(10));
            assertTrue(cluster.awaitStable(Duration.ofSeconds(30)), "8 nodes on UDP stabilize");
            OverlayNode target = cluster.nodes().get(3);
            Random random = new Random(9);
            int sent = 0;
            for (int i = 0; i < 10_000; i++) {
                byte[] junk;
                if (i % 3 == 0) {
                    junk = new byte[random.nextInt(200)];
                    random.nextBytes(junk);
                } else {
                    // A plausible header (right magic and version) cut short or followed by noise.
                    junk = new byte[random.nextInt(FrameCodec.HEADER_BYTES + 40)];
                    random.nextBytes(junk);
                    if (junk.length >= 3) {
                        junk[0] = 'I';
                        junk[1] = 'L';
                        junk[2] = (byte) FrameCodec.VERSION;
                    }
                }
                attacker.send(new DatagramPacket(junk, junk.length, target.self().address().toSocketAddress()));
                sent++;
                if (i % 500 == 0) TimeUnit.MILLISECONDS.sleep(5); // stay within the socket's receive buffer
            }
            assertEquals(10_000, sent);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (target.stats().rpc().malformed() < 9_000 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            long dropped = target.stats().rpc().malformed();
            assertTrue(dropped >= 9_000, "garbage is counted as dropped: " + dropped);
            for (int i = 0; i < 50; i++) {
                Key key = Key.random(random);
                LookupResult r = target.lookup(key).get(10, TimeUnit.SECONDS);
                assertEquals(cluster.responsible(key), r.responsible().id(), "lookup after the flood");
            }
        }
    }

    /** {@link #aNodeRestartedWithItsOldIdIsGivenItsCopiesAgain} on real sockets: the same port, bound again. */
    @Test
    void aNodeRestartedOnItsOldPortIsGivenItsCopiesAgainOnRealUdp() throws Exception {
        NodeConfig config = NodeConfig.defaults(algorithm().name() + ".restart").withPeriods(1_000, 200)
                .withRpc(new RpcConfig(200, 3, 2.0));
        try (UdpCluster cluster = new UdpCluster(algorithm(), config, SEED)) {
            cluster.grow(6, Duration.ofSeconds(10));
            assertTrue(cluster.awaitStable(Duration.ofSeconds(30)), "6 nodes on UDP stabilize");
            List<Record> records = new ArrayList<>();
            OverlayNode writer = cluster.nodes().get(0);
            for (int i = 0; i < 10; i++) {
                Record r = Record.of("sip-binding", "user" + i + "@" + algorithm().name() + ".lab", ("sip:user" + i).getBytes(),
                        "user" + i, writer.clock().nowMillis(), 3_600_000L);
                writer.put(r).get(10, TimeUnit.SECONDS);
                records.add(r);
            }
            OverlayNode old = cluster.nodes().get(2);
            assertTrue(awaitHolding(cluster, old, records.size()), "every node holds every record of six");
            cluster.crash(old);
            assertTrue(cluster.awaitStable(Duration.ofSeconds(30)), "the overlay repairs itself after the crash");
            OverlayNode back = cluster.restart(old, Duration.ofSeconds(10));
            assertEquals(old.self(), back.self(), "same id, same port");
            assertTrue(cluster.awaitStable(Duration.ofSeconds(30)), "the restarted node is taken in");
            assertTrue(awaitHolding(cluster, back, records.size()), "the restarted node is given its copies again");
            for (OverlayNode n : cluster.nodes()) {
                if (n != back) cluster.crash(n);
            }
            for (Record r : records) {
                assertTrue(back.get(r.key()).get(10, TimeUnit.SECONDS).isPresent(), () -> "record " + r.name() + " was lost");
            }
        }
    }

    /** Waits (polling, with a deadline of 20 s) until {@code node} holds {@code count} records. */
    private static boolean awaitHolding(UdpCluster cluster, OverlayNode node, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cluster.onLoop(() -> node.heldRecords().size()) < count) {
            if (System.nanoTime() > deadline) return false;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return true;
    }

    @Test
    void framesOfAnotherOverlayAreDroppedNotServed() throws Exception {
        NodeConfig mine = NodeConfig.defaults(algorithm().name() + ".one").withRpc(new RpcConfig(100, 2, 2.0));
        NodeConfig theirs = NodeConfig.defaults(algorithm().name() + ".two").withRpc(new RpcConfig(100, 2, 2.0));
        try (UdpCluster one = new UdpCluster(algorithm(), mine, 1);
             UdpCluster two = new UdpCluster(algorithm(), theirs, 2)) {
            one.grow(3, Duration.ofSeconds(10));
            two.grow(1, Duration.ofSeconds(10));
            OverlayNode outsider = two.onLoop(() -> new OverlayNode(algorithm(), theirs, Key.hash("outsider"),
                    org.interlay.overlay.transport.UdpTransport.onLoopback(two.loop(), 0), two.loop(), new Random(4)));
            CompletableFuture<Void> join = outsider.join(List.of(one.nodes().get(0).self().address()));
            assertTrue(join.handle((v, e) -> e != null).get(20, TimeUnit.SECONDS),
                    "joining through a node of another overlay fails");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (one.nodes().get(0).stats().rpc().foreign() == 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertTrue(one.nodes().get(0).stats().rpc().foreign() > 0, "the foreign frames were counted");
            outsider.halt();
        }
    }
}
