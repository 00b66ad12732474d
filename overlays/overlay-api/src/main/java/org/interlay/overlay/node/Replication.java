package org.interlay.overlay.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Record;
import org.interlay.overlay.RecordRefusedException;
import org.interlay.overlay.node.msg.FetchReply;
import org.interlay.overlay.node.msg.FetchRequest;
import org.interlay.overlay.node.msg.RecordCopy;
import org.interlay.overlay.node.msg.StoreAck;
import org.interlay.overlay.node.msg.StoreRequest;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;

/**
 * Keeps each record on its responsible node and that node's replica set while nodes come and go.
 *
 * <ul>
 *   <li>A store asked of the responsible node is copied to its replica set before it is acknowledged.</li>
 *   <li>Periodically, and soon after the routing algorithm reports a change of neighbours, each node
 *       walks its records: where it is responsible, it copies each record to replica-set members that
 *       have not had it; where another node it knows of is responsible, it hands the record to that node.
 *       A node that restarts under its old id (a new incarnation, see {@code wire.Frame}) counts as having
 *       had nothing.</li>
 *   <li>A responsible node asked for a record it lacks asks its replicas before answering "none".</li>
 *   <li>On a graceful leave, every record goes to whoever takes it over.</li>
 *   <li>In a secure overlay, every record received (a store, a replica's copy, a hand-over, a record
 *       fetched from a replica) is checked before it is kept ({@link RecordAdmission}); a store asked of
 *       the responsible node that is refused, or older than the version held, fails back to its writer.</li>
 * </ul>
 */
final class Replication {
    private final RecordStore store;
    private final RoutingAlgorithm routing;
    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final NodeRef self;
    private final int replicas;
    private final long replicaWaitMillis;
    private final RecordAdmission admission;
    /**
     * For each record, the nodes known to hold its current version (besides this one), by id; a node that
     * restarts under its old id is taken out of every set ({@link #forget}).
     */
    private final Map<Key, Holders> holders = new HashMap<>();

    private record Holders(long version, Set<Key> nodes) {}

    /**
     * @param replicaWaitMillis how long a store asked of the responsible node waits for its replicas'
     *                          acknowledgements before answering with the copies made so far; shorter than
     *                          the asker's own timeout, so one dead replica does not fail the store
     */
    Replication(RecordStore store, RoutingAlgorithm routing, RpcEndpoint rpc, Scheduler scheduler, NodeRef self,
                int replicas, long replicaWaitMillis, RecordAdmission admission) {
        this.store = store;
        this.routing = routing;
        this.rpc = rpc;
        this.scheduler = scheduler;
        this.self = self;
        this.replicas = replicas;
        this.replicaWaitMillis = replicaWaitMillis;
        this.admission = admission;
    }

    /** Handles a store: keeps the record and, when asked as responsible node, copies it to the replica set. */
    CompletableFuture<StoreAck> onStore(StoreRequest request, Object from) {
        Record r = request.record().at(scheduler.nowMillis());
        Optional<String> refused = admission.refusal(r, scheduler.nowMillis(), from);
        if (refused.isPresent()) return CompletableFuture.failedFuture(new RecordRefusedException(refused.get()));
        if (!store.offer(r) && admission.secure() && request.replicate()) {
            long held = store.latest(r.key()).map(Record::version).orElse(Long.MIN_VALUE);
            if (held > r.version()) {
                admission.refuseStale(r, held, from);
                return CompletableFuture.failedFuture(new RecordRefusedException(
                        "version " + r.version() + " is older than the version " + held + " held"));
            }
        }
        if (!request.replicate()) return CompletableFuture.completedFuture(new StoreAck(1));
        Optional<Record> held = store.latest(r.key());
        Record current = held.orElse(r);
        List<NodeRef> targets = routing.replicaSet(r.key(), replicas);
        AtomicInteger copies = new AtomicInteger(1);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (NodeRef n : targets) {
            sends.add(send(n, current, false).thenRun(() -> {
                copies.incrementAndGet();
                markHeld(current, n);
            }).exceptionally(e -> null));
        }
        CompletableFuture<StoreAck> ack = new CompletableFuture<>();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenRun(() -> ack.complete(new StoreAck(copies.get())));
        if (!ack.isDone()) scheduler.schedule(replicaWaitMillis, () -> ack.complete(new StoreAck(copies.get())));
        return ack;
    }

    /** Handles a fetch: from the store, else (if responsible and allowed) from the replicas. */
    CompletableFuture<Optional<Record>> onFetch(FetchRequest request) {
        long now = scheduler.nowMillis();
        Optional<Record> local = store.get(request.key(), now);
        if (local.isPresent() || request.localOnly() || !routing.isResponsible(request.key())) {
            return CompletableFuture.completedFuture(local);
        }
        List<NodeRef> ask = routing.replicaSet(request.key(), replicas);
        if (ask.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Optional<Record>> result = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(ask.size());
        for (NodeRef n : ask) {
            rpc.request(n.address(), new FetchRequest(request.key(), true), FetchReply.class).whenComplete((reply, e) -> {
                Optional<Record> copy = e == null ? reply.record().map(c -> c.at(scheduler.nowMillis())) : Optional.empty();
                if (copy.isPresent() && admission.refusal(copy.get(), scheduler.nowMillis(), n).isEmpty()) {
                    store.offer(copy.get());
                    result.complete(store.get(request.key(), scheduler.nowMillis()));
                } else if (pending.decrementAndGet() == 0) {
                    result.complete(Optional.empty());
                }
            });
        }
        return result;
    }

    /** One pass over the records: expire, top up replica sets, hand records to their responsible node. */
    void maintain() {
        long now = scheduler.nowMillis();
        store.expire(now);
        holders.keySet().removeIf(k -> store.latest(k).isEmpty());
        for (Record r : store.all()) {
            if (routing.isResponsible(r.key())) {
                for (NodeRef n : routing.replicaSet(r.key(), replicas)) {
                    if (!isHeldBy(r, n)) send(n, r, false).thenRun(() -> markHeld(r, n));
                }
            } else {
                Optional<NodeRef> owner = routing.knownResponsible(r.key()).filter(n -> !n.equals(self));
                if (owner.isPresent() && !isHeldBy(r, owner.get())) {
                    send(owner.get(), r, true).thenRun(() -> markHeld(r, owner.get()));
                }
            }
        }
    }

    /**
     * Forgets that {@code node} holds anything: it restarted under the same id with an empty store, so the
     * next pass copies to it again whatever it should hold.
     */
    void forget(Key node) {
        for (Holders h : holders.values()) h.nodes().remove(node);
    }

    /** Gives every record to the node that takes it over when this one leaves. */
    CompletableFuture<Void> handOver() {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Record r : store.all()) {
            NodeRef to = null;
            if (routing.isResponsible(r.key())) {
                List<NodeRef> next = routing.replicaSet(r.key(), 1);
                if (!next.isEmpty()) to = next.get(0);
            } else {
                to = routing.knownResponsible(r.key()).filter(n -> !n.equals(self)).orElse(null);
            }
            if (to != null) sends.add(send(to, r, true).exceptionally(e -> null));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<StoreAck> send(NodeRef to, Record r, boolean replicate) {
        return rpc.request(to.address(), new StoreRequest(RecordCopy.of(r, scheduler.nowMillis()), replicate), StoreAck.class);
    }

    private boolean isHeldBy(Record r, NodeRef n) {
        Holders h = holders.get(r.key());
        return h != null && h.version() == r.version() && h.nodes().contains(n.id());
    }

    private void markHeld(Record r, NodeRef n) {
        Holders h = holders.get(r.key());
        if (h == null || h.version() != r.version()) {
            h = new Holders(r.version(), new HashSet<>(4));
            holders.put(r.key(), h);
        }
        h.nodes().add(n.id());
    }
}
