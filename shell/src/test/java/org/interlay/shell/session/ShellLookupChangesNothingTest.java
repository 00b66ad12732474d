package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.overlay.Address;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.CheckableRouting;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * The shell's {@code lookup} outside a lab goes through a client of the overlay: every routing table
 * and every record of the overlay's peers is the same after it as before, no peer names the shell,
 * and the lookup names a peer as the responsible node, never the shell. Four peers of each algorithm
 * on loopback (so each, once settled, names the three others), found through a directory filled by
 * hand; alice registered through the first peer's SIP agent.
 */
@Tag("slow")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ShellLookupChangesNothingTest {
    private final EventLoop loop = new EventLoop("lookup-test-peers");
    private final OverlayDirectory directory = new OverlayDirectory();
    private final List<OverlayPeer> peers = new ArrayList<>();
    private PeerAgent agent;
    private ShellSession session;

    private void start(String algorithm) throws Exception {
        List<Address> boot = List.of();
        for (int i = 1; i <= 4; i++) {
            OverlayPeer peer = OverlayPeer.start(new PeerSpec("ov", Algorithm.named(algorithm), "ov.lab",
                    InetAddress.getLoopbackAddress(), 0, boot, -1, "p" + i), loop, null, Duration.ZERO, Duration.ofSeconds(10));
            boot = List.of(peer.node().self().address());
            peers.add(peer);
            directory.found(OverlayAdvert.of("ov", Algorithm.named(algorithm), "ov.lab",
                    List.of(new HostPort(peer.node().self().address().host(), peer.node().self().address().port())),
                    List.of(), NodeRole.PEER, "p" + i), Source.STATIC);
        }
        agent = PeerAgent.start(peers.get(0).node(), SipAgentConfig.defaults("ov.lab", 0));
        directory.found(OverlayAdvert.of("ov", Algorithm.named(algorithm), "ov.lab",
                List.of(new HostPort(peers.get(0).node().self().address().host(), peers.get(0).node().self().address().port())),
                List.of(new HostPort(agent.sipAddress().getAddress().getHostAddress(), agent.sipAddress().getPort())),
                NodeRole.PEER, "p1"), Source.STATIC);
        session = new ShellSession(directory, null, new OverlayMembers(null, directory, InetAddress.getLoopbackAddress()),
                InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
        if (agent != null) agent.close();
        peers.forEach(OverlayPeer::kill);
        loop.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord", "pastry", "kademlia"})
    void aLookupLeavesEveryRoutingTableAndRecordWhereItWas(String algorithm) throws Exception {
        start(algorithm);
        session.actAs("alice@ov.lab");
        assertTrue(await(() -> contacts().values().stream().allMatch(c -> c.size() == 3)), "every peer names the three others");
        assertTrue(await(() -> records().values().stream().allMatch(r -> r.size() == 1)), "every peer holds alice's binding");
        Map<NodeRef, Set<NodeRef>> contactsBefore = contacts();
        Map<NodeRef, Set<String>> recordsBefore = records();

        String line = session.lookup("alice@ov.lab");
        String again = session.lookup("bob@ov.lab");

        assertTrue(line.startsWith("alice@ov.lab -> sip:alice@127.0.0.1:"), line);
        Set<String> peerNames = peers.stream().map(p -> p.node().self().toString()).collect(Collectors.toSet());
        assertTrue(peerNames.stream().anyMatch(p -> line.contains("responsible node " + p + ",")),
                () -> line + " names one of the peers " + peerNames);
        assertTrue(again.startsWith("bob@ov.lab -> not registered"), again);
        assertEquals(contactsBefore, contacts(), "every routing table is as it was");
        assertEquals(recordsBefore, records(), "every peer holds what it held");
        Set<Address> peerAddresses = peers.stream().map(p -> p.node().self().address()).collect(Collectors.toSet());
        contacts().values().forEach(c -> c.forEach(n -> assertTrue(peerAddresses.contains(n.address()),
                () -> n + " is in a routing table but is no peer: the shell joined")));
    }

    private Map<NodeRef, Set<NodeRef>> contacts() {
        return onLoop(() -> {
            Map<NodeRef, Set<NodeRef>> out = new HashMap<>();
            for (OverlayPeer p : peers) out.put(p.node().self(), Set.copyOf(((CheckableRouting) p.node().routing()).contacts()));
            return out;
        });
    }

    private Map<NodeRef, Set<String>> records() {
        return onLoop(() -> {
            Map<NodeRef, Set<String>> out = new HashMap<>();
            for (OverlayPeer p : peers) {
                OverlayNode n = p.node();
                out.put(n.self(), n.heldRecords().stream().map(r -> r.name() + " v" + r.version())
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
            return out;
        });
    }

    private <T> T onLoop(Supplier<T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(read.get()));
        return f.join();
    }

    /** Polls {@code condition} for up to 20 s. */
    private static boolean await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) return false;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return true;
    }
}
