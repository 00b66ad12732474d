package org.interlay.pastry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Address;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.IterativeLookup;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.pastry.msg.Announce;
import org.interlay.pastry.msg.JoinReply;
import org.interlay.pastry.msg.JoinRequest;
import org.interlay.pastry.msg.LeafSetReply;

/**
 * A new node X joins (section 2.4):
 *
 * <ol>
 *   <li>X asks the bootstrap node A to route a join for key X. The route is walked from X, one node at a
 *       time, as an iterative lookup; every node on it (A, ..., the numerically closest node Z) sends X
 *       its routing decision, the rows of its routing table that X can use, its leaf set, and A its
 *       neighbourhood set. Node i of the route shares at least i digits with X, so its row i is a
 *       candidate for X's row i; every row up to the shared prefix is taken, to fill X's table fully.</li>
 *   <li>X measures the round trip to every node it heard of (section 2.5): what answers enters X's leaf
 *       set (Z's leaf set, with Z, makes it), its routing table (the closest candidate for each entry)
 *       and its neighbourhood set (the closest nodes measured).</li>
 *   <li>X tells every node of its state that it has arrived; they weigh X for their own state, and the
 *       leaves answer with their leaf sets, so nodes joining side by side learn of each other.</li>
 * </ol>
 *
 * The join completes when the leaves have acknowledged. A route that cannot be completed (every path
 * failed, or the bootstrap is itself still joining) is tried again after a pause.
 */
final class Join {
    private static final int MAX_ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 1_000;
    /** Candidates measured for each routing table entry: the closest of them takes it. */
    private static final int PROBES_PER_ENTRY = 2;
    /** Leaf set candidates measured beyond |L|/2 on each side, in case some have failed. */
    private static final int LEAF_MARGIN = 2;

    private final PastryRouting routing;
    private final NodeContext context;
    private final RpcEndpoint rpc;
    private final NodeRef self;
    private final PastryConfig config;
    private final Map<Key, NodeRef> heardOf = new LinkedHashMap<>();
    private final Map<Key, JoinReply> replies = new HashMap<>();
    private final Map<Key, Integer> rtt = new HashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private List<Address> bootstrap;
    private int attempts;

    Join(PastryRouting routing, NodeContext context, PastryConfig config) {
        this.routing = routing;
        this.context = context;
        this.rpc = context.rpc();
        this.self = context.self();
        this.config = config;
    }

    CompletableFuture<Void> start(List<Address> bootstrapNodes) {
        this.bootstrap = new ArrayList<>(bootstrapNodes);
        attempt();
        return done;
    }

    private void attempt() {
        if (routing.isStopped()) {
            done.completeExceptionally(noRoute());
            return;
        }
        attempts++;
        replies.clear();
        askBootstrap(0);
    }

    private void askBootstrap(int index) {
        if (index >= bootstrap.size()) {
            retryLater();
            return;
        }
        request(bootstrap.get(index), true).whenComplete((reply, e) -> {
            if (e != null) {
                askBootstrap(index + 1);
                return;
            }
            walk(new IterativeLookup(self.id(), self, PastryAlgorithm.lookupStyle(config), reply.step()));
        });
    }

    /** Follows the route one node at a time (the lookup's parallelism is 1) until Z is named. */
    private void walk(IterativeLookup route) {
        List<NodeRef> next = route.nextQueries();
        if (route.isDone()) {
            arrived(route.outcome().responsible());
            return;
        }
        for (NodeRef n : next) {
            request(n.address(), false).whenComplete((reply, e) -> {
                if (e == null) route.onAnswer(n, reply.step()); else route.onFailure(n);
                walk(route);
            });
        }
    }

    /** Z, the node numerically closest to X, is known: its leaf set is needed, then the probes. */
    private void arrived(Optional<NodeRef> closest) {
        if (closest.isEmpty() || closest.get().id().equals(self.id())) {
            retryLater();
            return;
        }
        NodeRef z = closest.get();
        if (replies.containsKey(z.id())) {
            measureAll();
            return;
        }
        request(z.address(), false).whenComplete((reply, e) -> {
            if (e == null) measureAll(); else retryLater();
        });
    }

    private CompletableFuture<JoinReply> request(Address to, boolean first) {
        return rpc.request(to, new JoinRequest(self.id(), first), JoinReply.class).thenApply(reply -> {
            record(reply);
            return reply;
        });
    }

    private void record(JoinReply reply) {
        replies.put(reply.responder().id(), reply);
        remember(List.of(reply.responder()));
        remember(reply.rows());
        remember(reply.leaves());
        remember(reply.neighbourhood());
        if (reply.step() instanceof RouteStep.Forward f) remember(f.closer());
    }

    private void remember(List<NodeRef> nodes) {
        for (NodeRef n : nodes) if (!n.id().equals(self.id())) heardOf.putIfAbsent(n.id(), n);
    }

    /**
     * Section 2.5: the nodes heard of are measured and what answers is placed by proximity. Measured are
     * the candidates for the leaf set (with a margin for failed ones) and, for each routing table entry,
     * the first {@value #PROBES_PER_ENTRY} candidates in the order of the route, as the paper takes row i
     * from the i-th node of the route.
     */
    private void measureAll() {
        Set<Key> leafCandidates = nearest(LeafSet.Side.LARGER);
        leafCandidates.addAll(nearest(LeafSet.Side.SMALLER));
        Map<RoutingTable.Slot, Integer> perEntry = new HashMap<>();
        List<CompletableFuture<?>> probes = new ArrayList<>();
        for (NodeRef n : heardOf.values()) {
            RoutingTable.Slot slot = routing.table().slotOf(n.id());
            int forEntry = slot == null ? PROBES_PER_ENTRY : perEntry.merge(slot, 1, Integer::sum);
            if (forEntry > PROBES_PER_ENTRY && !leafCandidates.contains(n.id())) continue;
            probes.add(routing.measureAndLearn(n, leafCandidates.contains(n.id())).handle((ms, e) -> {
                if (e == null) rtt.put(n.id(), ms);
                return null;
            }));
        }
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (routing.leafSet().isEmpty()) {
                retryLater();
            } else {
                announce();
            }
        });
    }

    /** The ids of the nodes heard of that lie nearest X on {@code side}: leaf set candidates, with a margin. */
    private Set<Key> nearest(LeafSet.Side side) {
        Key x = self.id();
        Comparator<Key> order = side == LeafSet.Side.LARGER
                ? Comparator.comparing(x::clockwiseTo) : Comparator.comparing(id -> id.clockwiseTo(x));
        List<Key> ids = new ArrayList<>(heardOf.keySet());
        ids.sort(order);
        return new HashSet<>(ids.subList(0, Math.min(ids.size(), config.leafSetSize() / 2 + LEAF_MARGIN)));
    }

    /** X tells the nodes of its state that it exists; done when its leaves have answered. */
    private void announce() {
        routing.becomeReady();
        LeafSet leaves = routing.leafSet();
        List<CompletableFuture<?>> leafAnswers = new ArrayList<>();
        for (NodeRef n : routing.knownNodes()) {
            boolean leaf = leaves.contains(n.id());
            Announce hello = new Announce(rtt.getOrDefault(n.id(), Announce.UNMEASURED), leaf);
            CompletableFuture<?> answer = rpc.request(n.address(), hello, LeafSetReply.class)
                    .thenAccept(reply -> routing.consider(reply.leaves(), true));
            if (leaf) leafAnswers.add(answer.exceptionally(e -> null));
        }
        CompletableFuture.allOf(leafAnswers.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> done.complete(null));
    }

    private void retryLater() {
        if (attempts >= MAX_ATTEMPTS || routing.isStopped()) {
            done.completeExceptionally(noRoute());
            return;
        }
        for (JoinReply r : replies.values()) {
            if (bootstrap.size() >= 8) break;
            if (!bootstrap.contains(r.responder().address())) bootstrap.add(r.responder().address());
        }
        context.scheduler().schedule(RETRY_MILLIS, this::attempt);
    }

    /** A join that found no live route to the overlay in all its attempts. */
    private JoinFailedException noRoute() {
        return new JoinFailedException("node " + self.id().shortHex() + " could not join after " + attempts + " attempts");
    }
}
