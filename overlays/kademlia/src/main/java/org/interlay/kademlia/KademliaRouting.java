package org.interlay.kademlia;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Address;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.CheckableRouting;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.RoutingAlgorithm;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.time.Timer;

/**
 * One Kademlia node's routing: its {@link RoutingTable} of k-buckets, kept by every message it hears
 * (section 2.2), by the join procedure and by bucket refreshes (section 2.3).
 *
 * <p>FIND_NODE is the shared node's route query: this node answers it with the k contacts it knows
 * closest to the key, and the shared iterative driver asks alpha at a time until the closest node it has
 * heard of has answered (for a bucket refresh: until the k closest have). PING is the shared ping; STORE and the fetch of a value are the shared
 * node's, which keeps each record on the node closest to its key and on that node's k - 1 closest
 * contacts ({@link #replicaSet}), and copies it again as those change (section 2.5).
 */
final class KademliaRouting implements RoutingAlgorithm, CheckableRouting {
    private final NodeContext context;
    private final KademliaConfig config;
    private final RoutingTable table;
    private final BucketRefresher refresher;
    private final NeighbourhoodWatch watch;
    private boolean stopped;

    KademliaRouting(NodeContext context, KademliaConfig config) {
        this.context = context;
        this.config = config;
        this.table = new RoutingTable(context.self().id(), config.k(), context.scheduler(),
                (int) config.aliveWindow().toSeconds());
        this.refresher = new BucketRefresher(context, table, config.bucketRefresh().toMillis());
        this.watch = new NeighbourhoodWatch(context, table, config.k(), config.neighbourhoodCheck().toMillis());
        context.rpc().onOneway(LeaveNotice.TYPE, (from, notice) -> lost(table.remove(from.address())));
    }

    /**
     * Section 2.3: insert a known node into the buckets (by pinging it, since only its address is
     * known), look up this node's own id, then refresh every bucket further away than the closest
     * neighbour. The lookups put this node into the buckets of the nodes they query.
     *
     * <p>Nodes that join at the same moment, or through a node that is itself still joining, can miss
     * each other: neither is yet in anyone's buckets when the other looks. So, one rpc timeout later,
     * when its first lookups have made it known, the node refreshes its neighbourhood once more
     * ({@link BucketRefresher#refreshNeighbourhood}), and refreshes the buckets that a closer neighbour
     * found then has put beyond the closest one.
     *
     * <p>Should no node answer that lookup (the bootstrap failed right after its pong), the join fails:
     * a node that went on alone would know nobody, answer every lookup made through it with itself,
     * and pass that on to any node joining through it.
     *
     * <p>The join completes once the lookup of its own id has ended: the node then knows its k closest
     * and they know it, so it can route and hold its share of the records. The bucket refreshes and the
     * second look go on as maintenance, so nodes started one after another need not wait on them.
     */
    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        if (bootstrap.isEmpty()) {
            startMaintenance();
            return CompletableFuture.completedFuture(null);
        }
        long startedAt = context.scheduler().nowMillis();
        return reachAny(bootstrap, 0)
                .thenCompose(v -> refresher.lookUpOwnIdReachingAnyone())
                .thenAccept(reached -> {
                    if (!reached) {
                        throw new JoinFailedException("the lookup of the own id reached no node (bootstrap " + bootstrap
                                + " answered a ping, then not the lookup)");
                    }
                })
                .thenRun(() -> {
                    startMaintenance();
                    if (stopped) return;
                    refresher.refreshBeyondClosest(startedAt).thenRun(() -> context.scheduler()
                            .schedule(config.rpcTimeout().toMillis(), () -> lookAgain(startedAt)));
                });
    }

    private void startMaintenance() {
        if (stopped) return;
        refresher.start();
        watch.start();
    }

    private void lookAgain(long joinedAt) {
        if (stopped) return;
        refresher.refreshNeighbourhood().thenCompose(v -> refresher.refreshBeyondClosest(joinedAt));
    }

    /** Pings the bootstrap nodes in turn until one answers (its answer puts it into a bucket). */
    private CompletableFuture<Void> reachAny(List<Address> bootstrap, int index) {
        if (index == bootstrap.size()) return CompletableFuture.failedFuture(new JoinFailedException("no bootstrap node answered: " + bootstrap));
        return context.rpc().request(bootstrap.get(index), new Ping(), Pong.class)
                .handle((pong, error) -> error == null)
                .thenCompose(answered -> answered ? CompletableFuture.completedFuture(null) : reachAny(bootstrap, index + 1));
    }

    /** Tells every contact, so that they need not wait for this node to stop answering ({@link LeaveNotice}). */
    @Override
    public CompletableFuture<Void> leave() {
        for (NodeRef contact : table.contacts()) context.rpc().send(contact.address(), new LeaveNotice());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
        stopped = true;
        refresher.stop();
        watch.stop();
    }

    /** Always the k contacts closest to the key; the asking node decides when the lookup has converged. */
    @Override
    public RouteStep route(Key key) {
        return RouteStep.forward(table.closest(key, config.k()));
    }

    /** Responsible when no contact is closer to the key than this node. */
    @Override
    public boolean isResponsible(Key key) {
        return !table.knowsCloserThan(key);
    }

    /**
     * The closest node this one knows to the key, itself included. Section 2.5: a node that learns of
     * a new node closer to a key it holds stores the value there; the shared replica maintenance does
     * so through this answer, once per version of the record. The paper leaves that to the closest
     * holder alone; here every holder does it, which costs up to k - 1 extra stores when the
     * responsible node changes but does not depend on that one holder having heard of the newcomer.
     */
    @Override
    public Optional<NodeRef> knownResponsible(Key key) {
        if (isResponsible(key)) return Optional.of(context.self());
        return table.closest(key, 1).stream().findFirst();
    }

    /** The {@code count} contacts closest to the key: with k - 1 of them, the k closest nodes this node knows. */
    @Override
    public List<NodeRef> replicaSet(Key key, int count) {
        return table.closest(key, count);
    }

    /** Section 2.2: every message, request or reply, updates the sender's bucket. */
    @Override
    public void heard(NodeRef peer) {
        if (stopped) return;
        int index = table.indexOf(peer.id());
        switch (table.offer(peer)) {
            case ADDED -> {
                if (index <= table.neighbourhoodIndex()) context.neighboursChanged();
            }
            case PING -> pingLeastRecentlySeen(table.bucket(index).pinged());
            case SEEN, WAITING, DROPPED -> { }
        }
    }

    /** A request to {@code peer} went unanswered: it leaves its bucket. */
    @Override
    public void unresponsive(Address peer) {
        lost(table.remove(peer));
    }

    /**
     * A contact is gone. If it was one of the neighbourhood, records may need new replicas, and the
     * node that now belongs among the k closest may be one this node dropped or never heard from (a
     * full bucket outside the neighbourhood keeps only k): a lookup of the own id soon finds it.
     */
    private void lost(NodeRef gone) {
        if (gone == null || table.indexOf(gone.id()) > table.neighbourhoodIndex()) return;
        context.neighboursChanged();
        refresher.refreshNeighbourhoodSoon(config.rpcTimeout().toMillis());
    }

    /**
     * The least-recently seen contact of a full bucket must answer a ping within the rpc timeout to
     * keep its place; otherwise the newcomer waiting on it takes it.
     */
    private void pingLeastRecentlySeen(NodeRef contact) {
        Timer deadline = context.scheduler().schedule(config.rpcTimeout().toMillis(), () -> evict(contact));
        context.rpc().request(contact.address(), new Ping(), Pong.class).whenComplete((pong, error) -> {
            deadline.cancel();
            if (error == null) table.pingAnswered(contact); else evict(contact);
        });
    }

    private void evict(NodeRef contact) {
        NodeRef newcomer = table.pingFailed(contact);
        if (newcomer != null && table.indexOf(newcomer.id()) <= table.neighbourhoodIndex()) context.neighboursChanged();
    }

    @Override
    public boolean agreesWith(GlobalView view) {
        return StabilityCheck.holds(table, config.k(), view);
    }

    @Override
    public Set<NodeRef> contacts() {
        return new HashSet<>(table.contacts());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("contacts", table.size());
        d.put("buckets", table.nonEmptyBuckets());
        d.put("closestBucket", table.closestContactIndex());
        d.put("neighbourhoodBucket", table.neighbourhoodIndex());
        d.put("k", config.k());
        d.put("alpha", config.alpha());
        return d;
    }

    /** For tests: the table itself. */
    RoutingTable table() {
        return table;
    }
}
