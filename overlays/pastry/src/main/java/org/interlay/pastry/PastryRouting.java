package org.interlay.pastry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.CheckableRouting;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.RoutingAlgorithm;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;
import org.interlay.pastry.msg.Announce;
import org.interlay.pastry.msg.Departure;
import org.interlay.pastry.msg.FailureNotice;
import org.interlay.pastry.msg.JoinReply;
import org.interlay.pastry.msg.JoinRequest;
import org.interlay.pastry.msg.LeafSetReply;
import org.interlay.pastry.msg.LeafSetRequest;
import org.interlay.pastry.msg.RowReply;
import org.interlay.pastry.msg.RowRequest;

/**
 * One Pastry node's routing state (leaf set, routing table, neighbourhood set) and the protocols that
 * keep it: the join (section 2.4, {@link Join}), the answers it gives other nodes' joins and repairs,
 * and the maintenance of its leaf set and routing table ({@link LeafSetMaintenance},
 * {@link RoutingTableMaintenance}).
 *
 * <p>A node heard from directly is alive and is offered to every structure at once. A node only heard
 * of (in another node's leaf set or row) is probed first, and enters only when it answers, so a failed
 * node passed around by others does not come back.
 */
final class PastryRouting implements RoutingAlgorithm, CheckableRouting {
    private final NodeContext context;
    private final PastryConfig config;
    private final NodeRef self;
    private final Scheduler scheduler;
    private final RpcEndpoint rpc;
    private final LeafSet leafSet;
    private final RoutingTable table;
    private final NeighbourhoodSet neighbourhood;
    private final RoutingProcedure procedure;
    private final ProximityProber prober;
    private final LeafSetMaintenance leafMaintenance;
    private final RoutingTableMaintenance tableMaintenance;
    private final int maxProbesPerHearsay;
    private boolean ready;
    private boolean stopped;

    PastryRouting(NodeContext context, PastryConfig config) {
        this.context = context;
        this.config = config;
        this.self = context.self();
        this.scheduler = context.scheduler();
        this.rpc = context.rpc();
        this.leafSet = new LeafSet(self, config.leafSetSize());
        this.table = new RoutingTable(self.id(), config.bitsPerDigit());
        this.neighbourhood = new NeighbourhoodSet(config.neighbourhoodSize());
        this.procedure = new RoutingProcedure(self, leafSet, table, neighbourhood, config.maxFallbacks());
        this.prober = new ProximityProber(rpc, scheduler, config.periods().failedMemory());
        this.leafMaintenance = new LeafSetMaintenance(this, context, config);
        this.tableMaintenance = new RoutingTableMaintenance(this, context, config);
        this.maxProbesPerHearsay = config.leafSetSize() + config.columns();
        registerHandlers();
    }

    private void registerHandlers() {
        rpc.onRequest(JoinRequest.TYPE, JoinReply.TYPE, (from, r) -> CompletableFuture.completedFuture(answerJoin(r)));
        rpc.onRequest(Announce.TYPE, LeafSetReply.TYPE, (from, a) -> {
            learn(from, a.rttMillis() == Announce.UNMEASURED ? RoutingTable.UNMEASURED : a.rttMillis(), a.wantLeafSet());
            return CompletableFuture.completedFuture(new LeafSetReply(a.wantLeafSet() ? leafSet.members() : List.of()));
        });
        rpc.onRequest(LeafSetRequest.TYPE, LeafSetReply.TYPE, (from, r) -> {
            consider(r.leaves(), true);
            return CompletableFuture.completedFuture(new LeafSetReply(leafSet.members()));
        });
        rpc.onRequest(RowRequest.TYPE, RowReply.TYPE, (from, r) -> {
            consider(r.entries(), false);
            return CompletableFuture.completedFuture(new RowReply(table.row(r.row())));
        });
        rpc.onOneway(Departure.TYPE, (from, d) -> {
            prober.markFailed(from.id());
            forget(from.id());
            consider(d.leaves(), true);
        });
        rpc.onOneway(FailureNotice.TYPE, (from, f) -> {
            if (f.failed().equals(self.id()) || !knows(f.failed())) return;
            prober.markFailed(f.failed());
            forget(f.failed());
        });
    }

    /** Section 2.4: a node on the route of a join sends its routing decision and its state. */
    private JoinReply answerJoin(JoinRequest r) {
        Key joiner = r.joiner();
        RouteStep step = ready ? procedure.route(joiner, joiner) : procedure.forwardOnly(joiner);
        int shared = self.id().sharedPrefixDigits(joiner, config.bitsPerDigit());
        List<NodeRef> rows = new ArrayList<>();
        for (int row = 0; row <= Math.min(shared, table.deepestRow()); row++) rows.addAll(table.row(row));
        return new JoinReply(self, step, rows, leafSet.members(), r.wantNeighbourhood() ? neighbourhood.members() : List.of());
    }

    // ---- RoutingAlgorithm ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        if (bootstrap.isEmpty()) {
            becomeReady();
            return CompletableFuture.completedFuture(null);
        }
        return new Join(this, context, config).start(bootstrap);
    }

    /** The node can route: from now on it gives final answers and keeps its state. */
    void becomeReady() {
        if (ready || stopped) return;
        ready = true;
        leafMaintenance.start();
        tableMaintenance.start();
    }

    @Override
    public CompletableFuture<Void> leave() {
        Departure goodbye = new Departure(leafSet.members());
        for (NodeRef n : leafSet.members()) rpc.send(n.address(), goodbye);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
        stopped = true;
        leafMaintenance.stop();
        tableMaintenance.stop();
    }

    @Override
    public RouteStep route(Key key) {
        return ready ? procedure.route(key) : procedure.forwardOnly(key);
    }

    @Override
    public boolean isResponsible(Key key) {
        return ready && leafSet.covers(key) && leafSet.closest(key).equals(self);
    }

    @Override
    public List<NodeRef> replicaSet(Key key, int count) {
        return leafSet.closestMembers(key, count);
    }

    @Override
    public void heard(NodeRef peer) {
        if (stopped) return;
        prober.markAlive(peer.id());
        learn(peer, RoutingTable.UNMEASURED, false);
    }

    @Override
    public void unresponsive(Address peer) {
        if (stopped) return;
        NodeRef n = leafSet.find(peer);
        if (n == null) n = table.find(peer);
        if (n == null) n = neighbourhood.find(peer);
        if (n != null) presumeFailed(n);
    }

    /** {@code node} stopped answering: forgotten, and if it was a leaf, the leaf set is told (section 2.4). */
    void presumeFailed(NodeRef node) {
        boolean wasLeaf = leafSet.contains(node.id());
        prober.markFailed(node.id());
        forget(node.id());
        if (wasLeaf && ready) leafMaintenance.announceFailure(node);
    }

    private boolean knows(Key id) {
        return leafSet.contains(id) || table.contains(id) || neighbourhood.contains(id);
    }

    @Override
    public boolean agreesWith(GlobalView view) {
        return ready && GlobalViewCheck.agrees(view, self.id(), leafSet, table);
    }

    @Override
    public Set<NodeRef> contacts() {
        Set<NodeRef> out = new HashSet<>(leafSet.members());
        out.addAll(table.entries());
        out.addAll(neighbourhood.members());
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leafSet", leafSet.members().size());
        out.put("routingTableEntries", table.size());
        out.put("routingTableRows", table.deepestRow() + 1);
        out.put("neighbourhoodSet", neighbourhood.size());
        out.put("probes", prober.probes());
        return out;
    }

    // ---- state changes ---------------------------------------------------------------------------

    /**
     * {@code node} is alive (it spoke or answered), at {@code rttMillis} if measured: offer it everywhere.
     * {@code fromLeafSet} when word of it came from a leaf set, so it may widen a short side of this one.
     */
    void learn(NodeRef node, int rttMillis, boolean fromLeafSet) {
        if (node.id().equals(self.id())) return;
        long now = scheduler.nowMillis();
        boolean leavesChanged = leafSet.offer(node, now, fromLeafSet);
        table.offer(node, rttMillis, now);
        if (rttMillis != RoutingTable.UNMEASURED) {
            neighbourhood.offer(node, rttMillis, now);
        } else {
            neighbourhood.touch(node.id(), now);
        }
        if (leavesChanged && ready) context.neighboursChanged();
    }

    /**
     * Nodes heard of from others ({@code fromLeafSet}: listed in a leaf set): those that would enter the
     * leaf set or an empty entry are probed first.
     */
    void consider(Collection<NodeRef> hearsay, boolean fromLeafSet) {
        int probes = 0;
        for (NodeRef n : hearsay) {
            if (probes == maxProbesPerHearsay) break; // a peer's list, however long, costs a bounded number of pings
            if (isWorthProbing(n) && (leafSet.wouldAccept(n.id(), fromLeafSet) || fillsEmptyEntry(n))) {
                measureAndLearn(n, fromLeafSet);
                probes++;
            }
        }
    }

    /** Up to {@code max} of {@code hearsay} whose entry is held by another node: probed to compare proximity. */
    void considerForProximity(List<NodeRef> hearsay, int max) {
        List<NodeRef> rivals = new ArrayList<>();
        for (NodeRef n : hearsay) {
            if (isWorthProbing(n) && !table.contains(n.id()) && !fillsEmptyEntry(n)) rivals.add(n);
        }
        for (int i = 0; i < max && !rivals.isEmpty(); i++) {
            measureAndLearn(rivals.remove(context.random().nextInt(rivals.size())), false);
        }
    }

    private boolean isWorthProbing(NodeRef n) {
        return !n.id().equals(self.id()) && !prober.recentlyFailed(n.id()) && !prober.isProbing(n.id());
    }

    private boolean fillsEmptyEntry(NodeRef n) {
        RoutingTable.Slot s = table.slotOf(n.id());
        return s != null && table.get(s.row(), s.column()) == null;
    }

    /** Pings {@code node}; when it answers, offers it with the measured round trip (see {@link #learn}). */
    CompletableFuture<Integer> measureAndLearn(NodeRef node, boolean fromLeafSet) {
        return prober.probe(node).whenComplete((rtt, error) -> {
            if (error == null && !stopped) learn(node, rtt, fromLeafSet);
        });
    }

    /** {@code id} failed or left: out of every structure, and the holes are repaired (section 2.4). */
    void forget(Key id) {
        List<LeafSet.Side> sides = leafSet.remove(id);
        RoutingTable.Slot slot = table.remove(id);
        neighbourhood.remove(id);
        if (!ready || stopped) return;
        if (!sides.isEmpty()) {
            context.neighboursChanged();
            leafMaintenance.repair(sides);
        }
        if (slot != null) tableMaintenance.repair(slot);
    }

    /** Every node of this node's state once: leaf set, routing table, neighbourhood set. */
    List<NodeRef> knownNodes() {
        Map<Key, NodeRef> all = new LinkedHashMap<>();
        for (NodeRef n : leafSet.members()) all.put(n.id(), n);
        for (NodeRef n : table.entries()) all.putIfAbsent(n.id(), n);
        for (NodeRef n : neighbourhood.members()) all.putIfAbsent(n.id(), n);
        return new ArrayList<>(all.values());
    }

    LeafSet leafSet() {
        return leafSet;
    }

    RoutingTable table() {
        return table;
    }

    NeighbourhoodSet neighbourhood() {
        return neighbourhood;
    }

    ProximityProber prober() {
        return prober;
    }

    boolean isReady() {
        return ready;
    }

    boolean isStopped() {
        return stopped;
    }

    NodeRef self() {
        return self;
    }
}
