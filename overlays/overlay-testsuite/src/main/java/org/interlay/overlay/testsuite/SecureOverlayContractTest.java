package org.interlay.overlay.testsuite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.overlay.secure.FrameRefusal;
import org.interlay.overlay.secure.FrameSecurity;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.overlay.sim.OverlaySnapshot;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimAuthority;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;
import org.interlay.overlay.sim.UdpCluster;
import org.interlay.overlay.transport.DatagramHandler;
import org.interlay.overlay.transport.Transport;
import org.interlay.overlay.wire.FrameCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A secure overlay (every frame signed, RFC 6940 §11.3) of each algorithm, built and attacked for real:
 * in simulation (seeded, virtual time), with frames made and tampered with as an attacker would, and
 * once on real UDP. Each algorithm's module subclasses this in its tests.
 */
@Tag("slow")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public abstract class SecureOverlayContractTest {
    private static final long SEED = 20015;
    private static final long LIMIT = 10 * 60_000;

    protected abstract OverlayAlgorithm algorithm();

    private String overlay() {
        return algorithm().name() + "-secure";
    }

    private SimCluster secureCluster(int nodes) {
        NodeConfig config = NodeConfig.defaults(overlay()).withRpc(SimDefaults.RPC);
        SimCluster c = new SimCluster(algorithm(), config, PlaneLatency.wideArea(SEED), SEED, true);
        assertEquals(0, c.grow(nodes, 20, LIMIT), "every enrolled node joins");
        assertTrue(c.stabilize(1_000, LIMIT), () -> c.disagreeing() + " of " + nodes + " nodes disagree with the global view");
        return c;
    }

    private static long refused(SimCluster c, FrameRefusal reason) {
        return c.live().stream().mapToLong(n -> n.stats().rpc().refusedBy().getOrDefault(reason.label(), 0L)).sum();
    }

    private static long refusedInAll(SimCluster c) {
        return c.live().stream().mapToLong(n -> n.stats().rpc().refused()).sum();
    }

    @Test
    void aSecureOverlayBuildsStoresAndFindsRecords() {
        SimCluster c = secureCluster(40);
        Random keys = new Random(5);
        for (int i = 0; i < 100; i++) {
            Key key = Key.random(keys);
            LookupResult r = c.await(c.randomLive().lookup(key), LIMIT);
            assertEquals(c.responsible(key), r.responsible().id(), "lookup " + i);
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Record r = Record.of("sip-binding", "user" + i + "@" + overlay() + ".lab", ("sip:user" + i).getBytes(), "user" + i,
                    c.scheduler().nowMillis(), 3_600_000L);
            c.await(c.authority().orElseThrow().writingAsAgentOf(overlay() + ".lab", c.randomLive()).put(r), LIMIT);
            records.add(r);
        }
        for (Record r : records) {
            Optional<Record> got = c.await(c.randomLive().get(r.key()), LIMIT);
            assertArrayEquals(r.value(), got.orElseThrow(() -> new AssertionError(r.name() + " not found")).value());
        }
        var client = c.newClient();
        c.await(client.join(List.of(c.randomLive().self().address())), LIMIT);
        assertTrue(c.await(client.get(records.get(0).key()), LIMIT).isPresent(), "an enrolled client is served");
        assertEquals(0, refusedInAll(c), "no frame of an enrolled member is refused");
    }

    @Test
    void theSameSeedBuildsTheSameRoutingSecureOrOpen() {
        NodeConfig config = NodeConfig.defaults(overlay()).withRpc(SimDefaults.RPC);
        SimCluster open = new SimCluster(algorithm(), config, PlaneLatency.wideArea(SEED), SEED, false);
        SimCluster secure = new SimCluster(algorithm(), config, PlaneLatency.wideArea(SEED), SEED, true);
        open.grow(20, 20, LIMIT);
        secure.grow(20, 20, LIMIT);
        assertEquals(open.live().stream().map(n -> n.self().id()).toList(), secure.live().stream().map(n -> n.self().id()).toList(),
                "the nodes sit at the same ids");
        assertEquals(open.snapshot().contacts().keySet().stream().map(NodeRef::id).sorted().toList(),
                secure.snapshot().contacts().keySet().stream().map(NodeRef::id).sorted().toList());
    }

    /** Not enrolled at all (open frames), or enrolled by another authority: it never gets in. */
    @Test
    void unenrolledNodesNeverEnterARoutingTable() {
        SimCluster c = secureCluster(50);
        NodeConfig open = NodeConfig.defaults(overlay()).withRpc(SimDefaults.RPC);
        SimAuthority other = new SimAuthority(overlay(), c.wallClock(), 99);
        Key id1 = Key.hash("no certificate"), id2 = Key.hash("another authority");
        OverlayNode noCertificate = new OverlayNode(algorithm(), open, id1, c.network().attach(), c.scheduler(), new Random(1),
                c.wallClock());
        OverlayNode foreign = new OverlayNode(algorithm(), open.withTrust(other.enroll(id2)), id2, c.network().attach(),
                c.scheduler(), new Random(2), c.wallClock());
        for (OverlayNode intruder : List.of(noCertificate, foreign)) {
            CompletableFuture<Boolean> failed = intruder.join(List.of(c.randomLive().self().address(), c.randomLive().self().address()))
                    .handle((v, e) -> e != null);
            assertTrue(c.await(failed, LIMIT), "the join fails");
        }
        c.scheduler().runFor(60_000);
        OverlaySnapshot after = c.snapshot();
        assertFalse(after.anyoneKnows(noCertificate.self()), "nobody knows the node without a certificate");
        assertFalse(after.anyoneKnows(foreign.self()), "nobody knows the node of another authority");
        assertTrue(refused(c, FrameRefusal.UNSIGNED) > 0, "the open frames are counted as refused");
        assertTrue(refused(c, FrameRefusal.FOREIGN_AUTHORITY) > 0, "the other authority's frames are counted as refused");
        assertOnlyMembersKnown(c);
        noCertificate.halt();
        foreign.halt();
    }

    @Test
    void aNodeCannotStartAtAnIdOtherThanItsCertificates() {
        SimCluster c = secureCluster(2);
        OverlayTrust trust = c.authority().orElseThrow().enroll(Key.hash("a"));
        NodeConfig config = NodeConfig.defaults(overlay()).withRpc(SimDefaults.RPC).withTrust(trust);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OverlayNode(algorithm(), config,
                Key.hash("b"), c.network().attach(), c.scheduler(), new Random(1), c.wallClock()));
        assertTrue(e.getMessage().contains("node-id of its certificate"), e.getMessage());
    }

    /** A valid certificate of this authority, frames that claim another node-id: dropped, the id never appears. */
    @Test
    void framesClaimingAnotherNodeIdAreDropped() {
        SimCluster c = secureCluster(50);
        OverlayTrust real = c.authority().orElseThrow().enroll(Key.hash("honest id"));
        Transport t = c.network().attach();
        NodeRef claimed = new NodeRef(c.live().get(7).self().id(), t.localAddress()); // impersonates a member
        RpcEndpoint liar = new RpcEndpoint(t, c.scheduler(), new FrameCodec().register(Pong.TYPE), configId(), claimed,
                SimDefaults.RPC, new Random(3), FrameSecurity.of(real, overlay(), c.wallClock()));
        OverlayNode target = c.live().get(3);
        CompletableFuture<Boolean> answered = liar.request(target.self().address(), new Ping()).handle((m, e) -> e == null);
        assertFalse(c.await(answered, LIMIT), "no answer to a frame of a false node-id");
        assertTrue(target.stats().rpc().refusedBy().getOrDefault(FrameRefusal.NODE_ID_MISMATCH.label(), 0L) > 0);
        c.scheduler().runFor(10_000);
        assertFalse(c.snapshot().contacts().values().stream().flatMap(java.util.Set::stream)
                .anyMatch(n -> n.address().equals(t.localAddress())), "no routing table names the liar's address");
        assertOnlyMembersKnown(c);
        liar.close();
    }

    /** A frame captured on the way is refused when replayed: as a copy within the window, and outside it. */
    @Test
    void capturedFramesReplayedAreDropped() {
        SimCluster c = secureCluster(50);
        Capture sender = enrolledSender(c, "replayer");
        OverlayNode target = c.live().get(5);
        assertInstanceOf(Pong.class, c.await(sender.endpoint.request(target.self().address(), new Ping()), LIMIT));
        byte[] captured = sender.transport.sent.get(0);

        sender.transport.inner.send(target.self().address(), captured);
        c.scheduler().runFor(1_000);
        assertEquals(1, refusedOf(target, FrameRefusal.REPLAYED), "a copy within the window is a replay");

        c.scheduler().runFor(FrameSecurity.WINDOW_MILLIS + 1_000);
        sender.transport.inner.send(target.self().address(), captured);
        c.scheduler().runFor(1_000);
        assertEquals(1, refusedOf(target, FrameRefusal.STALE), "a copy outside the window is stale");
        sender.endpoint.close();
    }

    /** Every single byte flipped in a signed frame: not one version is taken. */
    @Test
    void aFrameWithAnyByteFlippedIsDropped() {
        SimCluster c = secureCluster(20);
        Capture sender = enrolledSender(c, "flipper");
        OverlayNode target = c.live().get(2);
        assertInstanceOf(Pong.class, c.await(sender.endpoint.request(target.self().address(), new Ping()), LIMIT));
        // a second request, sealed as the first one, but never delivered: every flipped copy of it is new to the target
        sender.transport.deliver = false;
        sender.endpoint.request(target.self().address(), new Ping());
        byte[] original = sender.transport.sent.get(1);
        long refusedBefore = target.stats().rpc().refused() + target.stats().rpc().malformed();
        long answersBefore = sender.endpoint.stats().received();
        for (int i = 0; i < original.length; i++) {
            byte[] flipped = original.clone();
            flipped[i] ^= 0x10;
            sender.transport.inner.send(target.self().address(), flipped);
        }
        c.scheduler().runFor(1_000);
        long refusedNow = target.stats().rpc().refused() + target.stats().rpc().malformed();
        assertEquals(original.length, refusedNow - refusedBefore, "every flipped frame is refused or malformed");
        assertEquals(answersBefore, sender.endpoint.stats().received(), "none was answered");
        assertTrue(refusedOf(target, FrameRefusal.BAD_MAC) > 0, "flips in the frame break its MAC (the target holds the sender's certificate)");
    }

    /** A secure overlay on real UDP sockets stores and finds records. */
    @Test
    void aSecureOverlayOnRealUdpStoresAndFinds() throws Exception {
        NodeConfig config = NodeConfig.defaults(overlay() + "-udp").withPeriods(1_000, 200).withRpc(new RpcConfig(200, 3, 2.0));
        try (UdpCluster cluster = new UdpCluster(algorithm(), config, SEED, true)) {
            cluster.grow(8, Duration.ofSeconds(10));
            assertTrue(cluster.awaitStable(Duration.ofSeconds(60)), "8 enrolled nodes on UDP stabilize");
            OverlayNode writer = cluster.nodes().get(0);
            Record r = Record.of("sip-binding", "alice@" + overlay() + ".lab", "sip:alice".getBytes(), "alice",
                    writer.clock().nowMillis(), 3_600_000L);
            cluster.authority().orElseThrow().writingAsAgentOf(overlay() + ".lab", writer).put(r).get(20, TimeUnit.SECONDS);
            for (OverlayNode n : cluster.nodes()) {
                assertTrue(n.get(r.key()).get(20, TimeUnit.SECONDS).isPresent(), "found from every node");
            }
            Random keys = new Random(8);
            for (int i = 0; i < 20; i++) {
                Key key = Key.random(keys);
                assertEquals(cluster.responsible(key), cluster.nodes().get(i % 8).lookup(key).get(20, TimeUnit.SECONDS).responsible().id());
            }
            for (OverlayNode n : cluster.nodes()) assertEquals(0, n.stats().rpc().refused(), "no member's frame refused");
        }
    }

    /** Every contact in every routing table is an enrolled member, at its own address. */
    private static void assertOnlyMembersKnown(SimCluster c) {
        java.util.Set<NodeRef> members = new java.util.HashSet<>();
        for (OverlayNode n : c.live()) members.add(n.self());
        for (var e : c.snapshot().contacts().entrySet()) {
            for (NodeRef contact : e.getValue()) {
                assertTrue(members.contains(contact), () -> e.getKey() + " knows " + contact + ", not a member");
            }
        }
    }

    private int configId() {
        return NodeConfig.defaults(overlay()).overlayId();
    }

    private static long refusedOf(OverlayNode n, FrameRefusal reason) {
        return n.stats().rpc().refusedBy().getOrDefault(reason.label(), 0L);
    }

    /** An enrolled endpoint (its real id and certificate) whose sent datagrams are kept, as a wiretap would. */
    private Capture enrolledSender(SimCluster c, String name) {
        Key id = Key.hash(name);
        OverlayTrust trust = c.authority().orElseThrow().enroll(id);
        RecordingTransport t = new RecordingTransport(c.network().attach());
        RpcEndpoint e = new RpcEndpoint(t, c.scheduler(), new FrameCodec().register(Pong.TYPE), configId(),
                new NodeRef(id, t.localAddress()), SimDefaults.RPC, new Random(4), FrameSecurity.of(trust, overlay(), c.wallClock()));
        return new Capture(e, t);
    }

    private record Capture(RpcEndpoint endpoint, RecordingTransport transport) {}

    /** Keeps a copy of every datagram sent; with {@code deliver} false, sends nothing. */
    private static final class RecordingTransport implements Transport {
        final Transport inner;
        final List<byte[]> sent = new ArrayList<>();
        boolean deliver = true;

        RecordingTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public Address localAddress() {
            return inner.localAddress();
        }

        @Override
        public void send(Address to, byte[] datagram) {
            sent.add(datagram.clone());
            if (deliver) inner.send(to, datagram);
        }

        @Override
        public void setHandler(DatagramHandler handler) {
            inner.setHandler(handler);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
