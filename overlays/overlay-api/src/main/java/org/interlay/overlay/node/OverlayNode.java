package org.interlay.overlay.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.OverlayStats;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.msg.FetchReply;
import org.interlay.overlay.node.msg.FetchRequest;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.node.msg.RecordCopy;
import org.interlay.overlay.node.msg.RouteQuery;
import org.interlay.overlay.node.msg.RouteReply;
import org.interlay.overlay.node.msg.StoreAck;
import org.interlay.overlay.node.msg.StoreRequest;
import org.interlay.overlay.rpc.PeerObserver;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.overlay.secure.FrameSecurity;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.time.WallClock;
import org.interlay.time.Clock;
import org.interlay.time.OnScheduler;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.overlay.transport.Transport;
import org.interlay.overlay.wire.FrameCodec;

/**
 * One overlay node of any algorithm: the shared machinery (RPC, iterative and recursive lookups,
 * storage, replication, hand-over) around the {@link RoutingAlgorithm} that the algorithm supplies.
 * Public methods hop onto the node's scheduler thread, where all its state lives.
 */
public final class OverlayNode implements Overlay, NodeContext {
    /** How long a removal's tombstone outlives the removal, so stale copies cannot resurrect the record. */
    static final long TOMBSTONE_MILLIS = 3_600_000;

    private final OverlayAlgorithm algorithm;
    private final NodeConfig config;
    private final Scheduler scheduler;
    private final Random random;
    private final NodeRef self;
    private final RpcEndpoint rpc;
    private final RecordStore store = new RecordStore();
    private final RoutingAlgorithm routing;
    private final Replication replication;
    private final RecordAdmission admission;
    private final LookupDriver driver;
    private final RecursiveRouter recursive;
    private final ClientService clients;
    private Timer maintenance;
    private Timer soonMaintenance;
    private long lastVersion;
    private long lookups, lookupFailures;
    private boolean stopped;

    public OverlayNode(OverlayAlgorithm algorithm, NodeConfig config, Key id, Transport transport, Scheduler scheduler,
                       Random random) {
        this(algorithm, config, id, transport, scheduler, random, WallClock.system(scheduler));
    }

    /**
     * @param wallClock the time a secure overlay's frames are stamped with and checked against (all
     *                  nodes of a simulation share one); unused in an open overlay
     * @throws IllegalArgumentException in a secure overlay, if {@code id} is not the node-id of the
     *                                  node's certificate or the certificate is for another overlay
     */
    public OverlayNode(OverlayAlgorithm algorithm, NodeConfig config, Key id, Transport transport, Scheduler scheduler,
                       Random random, java.time.InstantSource wallClock) {
        config.secure().ifPresent(t -> checkEnrolment(t, id, config.overlayName()));
        this.algorithm = algorithm;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.self = new NodeRef(id, transport.localAddress());
        FrameSecurity security = config.secure().map(t -> FrameSecurity.of(t, config.overlayName(), wallClock)).orElse(null);
        this.rpc = new RpcEndpoint(transport, scheduler, new FrameCodec(), config.overlayId(), self, config.rpc(), random,
                security);
        int replicas = config.replicas() >= 0 ? config.replicas() : algorithm.defaultReplicas();
        this.routing = algorithm.create(this);
        this.admission = RecordAdmission.of(config, scheduler);
        this.replication = new Replication(store, routing, rpc, scheduler, self, replicas,
                config.rpc().initialTimeoutMillis(), admission);
        this.driver = new LookupDriver(self, algorithm.lookupStyle(), scheduler,
                config.rpc().initialTimeoutMillis(), this::askRoute);
        this.recursive = new RecursiveRouter(routing, rpc, scheduler, self, 4 * config.rpc().totalTimeoutMillis(),
                random.nextLong());
        registerHandlers();
        this.clients = new ClientService(this, scheduler);
        clients.register(rpc);
        rpc.setObserver(new PeerObserver() {
            @Override
            public void heard(NodeRef peer) {
                routing.heard(peer);
            }

            @Override
            public void restarted(NodeRef peer) {
                // Same id, empty store: whatever it held must be given to it again.
                replication.forget(peer.id());
                neighboursChanged();
            }

            @Override
            public void unresponsive(Address peer) {
                routing.unresponsive(peer);
            }
        });
    }

    /** A secure node sits where its certificate says, in the overlay it names (if it names one). */
    private static void checkEnrolment(OverlayTrust trust, Key id, String overlay) {
        if (!trust.nodeId().equals(id)) {
            throw new IllegalArgumentException("a node of a secure overlay takes the node-id of its certificate, "
                    + trust.nodeId() + ", not " + id);
        }
        trust.credentials().identity().overlay().filter(o -> !o.equals(overlay)).ifPresent(o -> {
            throw new IllegalArgumentException("this node's certificate enrols it in overlay " + o + ", not " + overlay);
        });
    }

    private void registerHandlers() {
        rpc.onRequest(RouteQuery.TYPE, RouteReply.TYPE,
                (from, q) -> CompletableFuture.completedFuture(new RouteReply(routing.route(q.key()))));
        rpc.onRequest(StoreRequest.TYPE, StoreAck.TYPE, (from, s) -> replication.onStore(s, from));
        rpc.onRequest(FetchRequest.TYPE, FetchReply.TYPE, (from, f) -> replication.onFetch(f)
                .thenApply(r -> new FetchReply(r.map(found -> RecordCopy.of(found, scheduler.nowMillis())))));
        rpc.onRequest(Ping.TYPE, Pong.TYPE, (from, p) -> CompletableFuture.completedFuture(new Pong()));
    }

    // ---- Overlay -------------------------------------------------------------------------------

    @Override
    public String name() {
        return config.overlayName();
    }

    @Override
    public String algorithm() {
        return algorithm.name();
    }

    @Override
    public NodeRef self() {
        return self;
    }

    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        return onLoop(() -> routing.join(bootstrap).thenRun(() -> {
            long period = config.maintenanceMillis();
            maintenance = scheduler.repeat(period / 2 + random.nextInt((int) Math.max(1, period / 2)), period,
                    replication::maintain);
        }));
    }

    @Override
    public CompletableFuture<Void> leave() {
        return onLoop(() -> replication.handOver()
                .thenCompose(v -> routing.leave())
                .handle((v, e) -> {
                    halt();
                    return null;
                }));
    }

    @Override
    public CompletableFuture<Void> put(Record record) {
        return onLoop(() -> {
            Record versioned = record.version() > 0 ? record : record.withVersion(nextVersion());
            return lookupOnLoop(record.key()).thenCompose(found -> storeAt(found.responsible(), versioned))
                    .thenApply(ack -> null);
        });
    }

    /**
     * Looks the key up and fetches the record from the responsible node. Should that fail (the node
     * named may have crashed unnoticed; the failed request has made the routing forget it), the
     * lookup and fetch are tried once more, and reach the replica that has taken over.
     */
    @Override
    public CompletableFuture<Optional<Record>> get(Key key) {
        return onLoop(() -> lookupAndFetch(key)
                .handle((r, e) -> e == null ? CompletableFuture.completedFuture(r) : lookupAndFetch(key))
                .thenCompose(f -> f)
                .thenApply(r -> r.filter(x -> !x.deleted())));
    }

    private CompletableFuture<Optional<Record>> lookupAndFetch(Key key) {
        return lookupOnLoop(key).thenCompose(found -> fetchFrom(found.responsible(), key));
    }

    @Override
    public CompletableFuture<Void> remove(Key key) {
        return onLoop(() -> lookupOnLoop(key).thenCompose(found -> fetchFrom(found.responsible(), key)
                .thenCompose(existing -> {
                    if (existing.isEmpty()) return CompletableFuture.completedFuture(null);
                    long version = Math.max(nextVersion(), existing.get().version() + 1);
                    Record tomb = existing.get().tombstone(version, scheduler.nowMillis() + TOMBSTONE_MILLIS);
                    return storeAt(found.responsible(), tomb).thenApply(ack -> null);
                })));
    }

    @Override
    public CompletableFuture<LookupResult> lookup(Key key) {
        return onLoop(() -> lookupOnLoop(key));
    }

    @Override
    public OverlayStats stats() {
        if (!scheduler.inSchedulerThread()) {
            return onLoop(() -> CompletableFuture.completedFuture(stats())).join();
        }
        return new OverlayStats(name(), algorithm(), self, store.size(), Map.copyOf(routing.describe()), rpc.stats(),
                lookups, lookupFailures, admission.refused(), admission.stale());
    }

    @Override
    public Clock clock() {
        return scheduler;
    }

    @Override
    public void halt() {
        if (scheduler.inSchedulerThread()) {
            stopNow();
        } else {
            onLoop(() -> {
                stopNow();
                return CompletableFuture.completedFuture(null);
            }).join();
        }
    }

    private void stopNow() {
        if (stopped) return;
        stopped = true;
        if (maintenance != null) maintenance.cancel();
        if (soonMaintenance != null) soonMaintenance.cancel();
        routing.stop();
        rpc.close();
    }

    public boolean isStopped() {
        return stopped;
    }

    // ---- NodeContext -----------------------------------------------------------------------------

    @Override
    public NodeConfig config() {
        return config;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Random random() {
        return random;
    }

    @Override
    public RpcEndpoint rpc() {
        return rpc;
    }

    @Override
    public CompletableFuture<RouteStep> askRoute(NodeRef node, Key key) {
        if (node.equals(self)) return CompletableFuture.completedFuture(routing.route(key));
        return rpc.request(node.address(), new RouteQuery(key), RouteReply.class).thenApply(RouteReply::step);
    }

    @Override
    public void neighboursChanged() {
        if (stopped || maintenance == null || soonMaintenance != null) return;
        soonMaintenance = scheduler.schedule(Math.min(1_000, config.maintenanceMillis()), () -> {
            soonMaintenance = null;
            if (!stopped) replication.maintain();
        });
    }

    // ---- internals ---------------------------------------------------------------------------------

    /** Lookup on the scheduler thread, by the configured mode. */
    CompletableFuture<LookupResult> lookupOnLoop(Key key) {
        lookups++;
        CompletableFuture<LookupResult> f;
        if (config.lookupMode() == NodeConfig.LookupMode.RECURSIVE && algorithm.lookupStyle().termination().needsResolution()) {
            f = recursive.lookup(key);
        } else {
            f = driver.lookup(key, routing.route(key), algorithm.lookupStyle().termination()).thenApply(LookupDriver.Run::toResult);
        }
        return f.whenComplete((r, e) -> {
            if (e != null) lookupFailures++;
        });
    }

    @Override
    public CompletableFuture<List<NodeRef>> closestNodes(Key key) {
        return onLoop(() -> driver.lookup(key, routing.route(key), algorithm.lookupStyle().termination().forClosestNodes())
                .thenApply(run -> run.outcome().closest()));
    }

    private CompletableFuture<StoreAck> storeAt(NodeRef node, Record r) {
        StoreRequest request = new StoreRequest(RecordCopy.of(r, scheduler.nowMillis()), true);
        if (node.equals(self)) return replication.onStore(request, self);
        return rpc.request(node.address(), request, StoreAck.class);
    }

    private CompletableFuture<Optional<Record>> fetchFrom(NodeRef node, Key key) {
        FetchRequest request = new FetchRequest(key, false);
        if (node.equals(self)) return replication.onFetch(request);
        // A reader checks again what it was given: the node it asked may be the one that forged it.
        return rpc.request(node.address(), request, FetchReply.class)
                .thenApply(reply -> reply.record().map(copy -> copy.at(scheduler.nowMillis()))
                        .filter(r -> admission.refusal(r, scheduler.nowMillis(), node).isEmpty()));
    }

    private long nextVersion() {
        lastVersion = Math.max(lastVersion + 1, scheduler.nowMillis() * 1000);
        return lastVersion;
    }

    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> action) {
        return OnScheduler.call(scheduler, action);
    }

    /** The routing algorithm hosted here (for simulation checks and the shell's routing view). */
    public RoutingAlgorithm routing() {
        return routing;
    }

    /** Client requests this peer answered "busy" (those taken in are counted in {@code stats().rpc().clientRequests()}). */
    public long clientRequestsRefused() {
        return onLoop(() -> CompletableFuture.completedFuture(clients.refused())).join();
    }

    public int storedRecords() {
        return store.size();
    }

    /** Live records held here, as responsible node or replica. */
    public List<Record> heldRecords() {
        return store.live(scheduler.nowMillis());
    }

    /** Every unexpired record held here, tombstones included. */
    public List<Record> heldRecordsAndTombstones() {
        long now = scheduler.nowMillis();
        return store.all().stream().filter(r -> !r.isExpired(now)).toList();
    }
}
