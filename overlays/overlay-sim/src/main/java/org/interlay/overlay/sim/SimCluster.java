package org.interlay.overlay.sim;

import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.interlay.overlay.Key;
import org.interlay.overlay.client.OverlayClient;
import org.interlay.overlay.node.CheckableAlgorithm;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;

/**
 * Many nodes of one algorithm on one {@link SimNetwork}, in virtual time, all from one seed: build
 * an overlay, crash or add nodes, ask the global view who is responsible, wait on futures by
 * running the simulation until they complete.
 *
 * <p>The global view counts a node from the moment it starts to join (a key it will own is its own
 * from then on, however long the overlay takes to learn of it) until it crashes or starts leaving.
 * Only nodes whose join has completed are offered as bootstraps and picked by {@link #randomLive}:
 * a node still joining asks no lookups of its own, as in a deployment.
 */
public final class SimCluster {
    private final OverlayAlgorithm algorithm;
    private final CheckableAlgorithm checks;
    private final NodeConfig config;
    private final VirtualScheduler scheduler;
    private final SimNetwork network;
    private final Random random;
    private final List<OverlayNode> live = new ArrayList<>();
    /** The live nodes whose join has completed. */
    private final List<OverlayNode> joined = new ArrayList<>();
    private GlobalView cachedView;
    /** The wall-clock instants of virtual time, shared by every node: {@link SimAuthority#EPOCH} at 0. */
    private final WallClock wallClock;
    /** Enrols every node of a secure overlay; null for an open one. */
    private final SimAuthority authority;

    public SimCluster(OverlayAlgorithm algorithm, NodeConfig config, LatencyModel latency, long seed) {
        this(algorithm, config, latency, seed, false);
    }

    /**
     * @param secure a secure overlay: every node (and client) is enrolled in an authority held in memory,
     *               at the id the seeded run draws for it, and every frame is signed and checked
     */
    public SimCluster(OverlayAlgorithm algorithm, NodeConfig config, LatencyModel latency, long seed, boolean secure) {
        this.algorithm = algorithm;
        this.checks = ViewChecks.of(algorithm);
        this.config = config;
        this.scheduler = new VirtualScheduler();
        this.network = new SimNetwork(scheduler, latency, seed);
        this.random = new Random(seed);
        this.wallClock = new WallClock(scheduler, SimAuthority.EPOCH.plusMillis(scheduler.nowMillis()));
        this.authority = secure ? new SimAuthority(config.overlayName(), wallClock, seed) : null;
    }

    /** The authority of a secure overlay. */
    public java.util.Optional<SimAuthority> authority() {
        return java.util.Optional.ofNullable(authority);
    }

    /** The wall clock every node of this simulation reads. */
    public WallClock wallClock() {
        return wallClock;
    }

    /** The settings of the node at {@code id}: enrolled there in a secure overlay. */
    private NodeConfig configFor(Key id) {
        return authority == null ? config : config.withTrust(authority.enroll(id));
    }

    /** A cluster with wide-area latencies (5-100 ms) and the algorithm's defaults. */
    public SimCluster(OverlayAlgorithm algorithm, String overlayName, long seed) {
        this(algorithm, NodeConfig.defaults(overlayName).withRpc(SimDefaults.RPC), PlaneLatency.wideArea(seed), seed);
    }

    public OverlayAlgorithm algorithm() {
        return algorithm;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public SimNetwork network() {
        return network;
    }

    public Random random() {
        return random;
    }

    /**
     * A client of this overlay at a fresh address, not joined yet: its {@link OverlayClient#join} picks
     * one of the peers given; should they die, it moves to any node that has joined.
     */
    public OverlayClient newClient() {
        Key id = Key.random(random);
        return new OverlayClient(configFor(id), id, network.attach(), scheduler, new Random(random.nextLong()),
                () -> joined.stream().map(n -> n.self().address()).toList(), wallClock);
    }

    /** What every live node knows and holds now. */
    public OverlaySnapshot snapshot() {
        return OverlaySnapshot.of(live);
    }

    /** A node that is not started yet: {@link #join} or {@link OverlayNode#join} starts it. */
    public OverlayNode newNode() {
        Key id = Key.random(random);
        return new OverlayNode(algorithm, configFor(id), id, network.attach(), scheduler, new Random(random.nextLong()),
                wallClock);
    }

    /**
     * Starts a node that creates the overlay, or joins through a random node that has joined. A node
     * whose join fails (its bootstrap died, say) is crashed and the future fails.
     */
    public CompletableFuture<OverlayNode> join() {
        return join(newNode());
    }

    /**
     * Starts a fresh node, with an empty store, at the id and address of one that crashed, as a peer
     * restarted on the same host and port does; it joins as {@link #join()} does.
     */
    public CompletableFuture<OverlayNode> restart(OverlayNode crashed) {
        if (live.contains(crashed)) throw new IllegalStateException("restart a crashed node, not a live one");
        return join(new OverlayNode(algorithm, configFor(crashed.self().id()), crashed.self().id(),
                network.attach(crashed.self().address()), scheduler, new Random(random.nextLong()), wallClock));
    }

    /**
     * Starts {@code node}, made by the caller on this cluster's network and scheduler (e.g. with a
     * configuration of its own, such as its enrolment in a secure overlay), as {@link #join()} does.
     */
    public CompletableFuture<OverlayNode> join(OverlayNode node) {
        List<OverlayNode> through = joined.isEmpty() ? live : joined; // the very first: the creator, still joining
        List<org.interlay.overlay.Address> boot = through.isEmpty() ? List.of()
                : List.of(through.get(random.nextInt(through.size())).self().address());
        live.add(node);
        cachedView = null;
        return node.join(boot).handle((v, e) -> {
            if (e != null) {
                crash(node);
                throw new CompletionException(e);
            }
            if (!node.isStopped()) joined.add(node);
            return node;
        });
    }

    /**
     * Adds {@code count} nodes, one starting every {@code spacingMillis} of virtual time, and waits
     * until every join has completed (or {@code limitMillis} passed). Returns how many failed; failed
     * nodes are not part of the overlay.
     */
    public int grow(int count, long spacingMillis, long limitMillis) {
        List<CompletableFuture<OverlayNode>> joins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            joins.add(join().exceptionally(e -> null));
            scheduler.runFor(spacingMillis);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new));
        await(all, limitMillis);
        return (int) joins.stream().filter(j -> j.join() == null).count();
    }

    /** Runs until every node's routing state agrees with the global view; true if it did in time. */
    public boolean stabilize(long checkEveryMillis, long limitMillis) {
        return scheduler.runUntil(this::isStable, checkEveryMillis, limitMillis);
    }

    public boolean isStable() {
        GlobalView view = view();
        for (OverlayNode n : live) {
            if (!ViewChecks.of(n).agreesWith(view)) return false;
        }
        return true;
    }

    /** How many live nodes disagree with the global view (for progress reports). */
    public int disagreeing() {
        GlobalView view = view();
        int n = 0;
        for (OverlayNode node : live) if (!ViewChecks.of(node).agreesWith(view)) n++;
        return n;
    }

    /** Every live node's id; rebuilt only after membership changed. */
    public GlobalView view() {
        if (cachedView == null) cachedView = new GlobalView(live.stream().map(n -> n.self().id()).toList());
        return cachedView;
    }

    /** Who should be responsible for {@code key} among the live nodes. */
    public Key responsible(Key key) {
        return checks.responsible(view(), key);
    }

    public List<OverlayNode> live() {
        return Collections.unmodifiableList(live);
    }

    /** A random node among those that have joined (any live node while none has yet). */
    public OverlayNode randomLive() {
        if (!joined.isEmpty()) return joined.get(random.nextInt(joined.size()));
        return live.get(random.nextInt(live.size()));
    }

    /** The node crashes: no goodbye, no hand-over. */
    public void crash(OverlayNode node) {
        live.remove(node);
        joined.remove(node);
        cachedView = null;
        node.halt();
    }

    /** Crashes {@code fraction} of the live nodes, chosen at random, at the same instant. */
    public List<OverlayNode> crashFraction(double fraction) {
        List<OverlayNode> shuffled = new ArrayList<>(live);
        Collections.shuffle(shuffled, random);
        List<OverlayNode> victims = shuffled.subList(0, (int) Math.round(fraction * live.size()));
        List<OverlayNode> out = List.copyOf(victims);
        out.forEach(this::crash);
        return out;
    }

    /** The node starts leaving gracefully; it counts as gone at once. */
    public CompletableFuture<Void> beginLeave(OverlayNode node) {
        live.remove(node);
        joined.remove(node);
        cachedView = null;
        return node.leave();
    }

    /** The node leaves gracefully; runs the simulation until it has. */
    public void leave(OverlayNode node, long limitMillis) {
        live.remove(node);
        joined.remove(node);
        cachedView = null;
        await(node.leave(), limitMillis);
    }

    /** Runs the simulation until {@code f} completes; its value, or its failure unwrapped. */
    public <T> T await(CompletableFuture<T> f, long limitMillis) {
        scheduler.runUntil(f::isDone, 10, limitMillis);
        if (!f.isDone()) throw new IllegalStateException("not done after " + limitMillis + " ms of virtual time");
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new CompletionException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
