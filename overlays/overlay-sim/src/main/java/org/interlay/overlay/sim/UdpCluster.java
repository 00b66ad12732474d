package org.interlay.overlay.sim;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.client.OverlayClient;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.time.EventLoop;
import org.interlay.time.WallClock;
import org.interlay.overlay.transport.UdpTransport;

/**
 * Many nodes of one algorithm on real UDP sockets on 127.0.0.1, all served by one {@link EventLoop}
 * thread: the real-time twin of {@link SimCluster}, for tests and benchmarks.
 */
public final class UdpCluster implements AutoCloseable {
    private final OverlayAlgorithm algorithm;
    private final NodeConfig config;
    private final EventLoop loop;
    private final Random random;
    /** Written by the test thread, read by clients on the loop. */
    private final List<OverlayNode> nodes = new CopyOnWriteArrayList<>();

    /** Enrols every node of a secure overlay; null for an open one. */
    private final SimAuthority authority;

    public UdpCluster(OverlayAlgorithm algorithm, NodeConfig config, long seed) {
        this(algorithm, config, seed, false);
    }

    /** @param secure every node and client enrolled in an authority held in memory; frames signed and checked */
    public UdpCluster(OverlayAlgorithm algorithm, NodeConfig config, long seed, boolean secure) {
        this.algorithm = algorithm;
        this.config = config;
        this.loop = new EventLoop("udp-" + algorithm.name());
        this.random = new Random(seed);
        this.authority = secure ? new SimAuthority(config.overlayName(), WallClock.system(loop), seed) : null;
    }

    private NodeConfig configFor(Key id) {
        return authority == null ? config : config.withTrust(authority.enroll(id));
    }

    public EventLoop loop() {
        return loop;
    }

    /** Starts {@code count} nodes one after another, each joining through a random earlier node. */
    public void grow(int count, Duration perJoinLimit) {
        for (int i = 0; i < count; i++) {
            Key id = Key.random(random);
            NodeConfig enrolled = configFor(id);
            OverlayNode node = onLoop(() -> new OverlayNode(algorithm, enrolled, id,
                    UdpTransport.onLoopback(loop, 0), loop, new Random(random.nextLong())));
            List<Address> boot = nodes.isEmpty() ? List.of()
                    : List.of(nodes.get(random.nextInt(nodes.size())).self().address());
            node.join(boot).orTimeout(perJoinLimit.toMillis(), TimeUnit.MILLISECONDS).join();
            nodes.add(node);
        }
    }

    /**
     * A client of this overlay on a socket of its own on 127.0.0.1, served by the cluster's loop, not
     * joined yet; should the peers it is given die, it moves to any node of the cluster.
     */
    public OverlayClient newClient() {
        Key id = Key.random(random);
        NodeConfig enrolled = configFor(id);
        return onLoop(() -> new OverlayClient(enrolled, id, UdpTransport.onLoopback(loop, 0), loop,
                new Random(random.nextLong()), () -> nodes.stream().map(n -> n.self().address()).toList()));
    }

    /** What every node knows and holds now, read on the loop. */
    public OverlaySnapshot snapshot() {
        return onLoop(() -> OverlaySnapshot.of(nodes));
    }

    /** The node crashes: its socket closes, no goodbye, no hand-over. */
    public void crash(OverlayNode node) {
        nodes.remove(node);
        node.halt();
    }

    /**
     * Starts a fresh node, with an empty store, on the id and port of one that crashed, as a peer
     * restarted on the same host and port does, and joins it through a random live node.
     */
    public OverlayNode restart(OverlayNode crashed, Duration joinLimit) {
        if (nodes.contains(crashed)) throw new IllegalStateException("restart a crashed node, not a live one");
        NodeConfig enrolled = configFor(crashed.self().id());
        OverlayNode node = onLoop(() -> new OverlayNode(algorithm, enrolled, crashed.self().id(),
                UdpTransport.onLoopback(loop, crashed.self().address().port()), loop, new Random(random.nextLong())));
        List<Address> boot = List.of(nodes.get(random.nextInt(nodes.size())).self().address());
        node.join(boot).orTimeout(joinLimit.toMillis(), TimeUnit.MILLISECONDS).join();
        nodes.add(node);
        return node;
    }

    /** Waits (polling, with a deadline) until every node agrees with the global view. */
    public boolean awaitStable(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(onLoop(this::isStable))) return true;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Boolean.TRUE.equals(onLoop(this::isStable));
    }

    private boolean isStable() {
        GlobalView view = view();
        return nodes.stream().allMatch(n -> ViewChecks.of(n).agreesWith(view));
    }

    public GlobalView view() {
        return new GlobalView(nodes.stream().map(n -> n.self().id()).toList());
    }

    public Key responsible(Key key) {
        return ViewChecks.of(algorithm).responsible(view(), key);
    }

    public List<OverlayNode> nodes() {
        return List.copyOf(nodes);
    }

    /** Runs {@code action} on the loop thread and waits for its value. */
    public <T> T onLoop(java.util.function.Supplier<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    @Override
    public void close() {
        for (OverlayNode n : nodes) n.halt();
        loop.close();
    }
}
