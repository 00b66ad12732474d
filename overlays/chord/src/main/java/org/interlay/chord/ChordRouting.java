package org.interlay.chord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.interlay.chord.msg.FindSuccessor;
import org.interlay.chord.msg.FoundSuccessor;
import org.interlay.chord.msg.Leaving;
import org.interlay.chord.msg.SuccessorHint;
import org.interlay.chord.msg.NeighboursReply;
import org.interlay.chord.msg.NeighboursQuery;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.CheckableRouting;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.RoutingAlgorithm;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * One Chord node (Stoica et al., SIGCOMM 2001; ToN 2003): its routing decision for a key, and the
 * timers that drive stabilize, check_predecessor and fix_fingers.
 *
 * <p>Routing is find_successor split into steps (§4.3, Fig. 4): a node answers a key itself when
 * the key lies between its predecessor and itself, or between two of its successors or predecessors
 * (the lists then save the last hops); otherwise it names the known nodes that most closely
 * precede the key, fingers and successors alike (closest_preceding_node), best first with a few
 * fall-backs. Every node it names lies strictly between itself and the key, so each step gets closer
 * and no lookup can go round in circles.
 */
final class ChordRouting implements RoutingAlgorithm, CheckableRouting {
    /** Nodes named when forwarding: the closest preceding one and fall-backs should it not answer. */
    static final int FORWARD_CANDIDATES = 4;
    /** Nodes named after the responsible one, which take its keys over should it have failed unnoticed. */
    static final int BACKUPS = 2;

    private final NodeContext context;
    private final ChordConfig config;
    private final ChordState state;
    private final Stabilizer stabilizer;
    private final FingerFixer fingerFixer;
    private final Joiner joiner;
    private final GracefulLeave gracefulLeave;
    private final List<Timer> timers = new ArrayList<>(3);

    ChordRouting(NodeContext context, ChordConfig config) {
        this.context = context;
        this.config = config;
        this.state = new ChordState(context.self(), config.successors(), context::neighboursChanged);
        this.stabilizer = new Stabilizer(context, state, config);
        this.fingerFixer = new FingerFixer(context, state);
        this.joiner = new Joiner(context, state, config);
        this.gracefulLeave = new GracefulLeave(context, state);
        RpcEndpoint rpc = context.rpc();
        rpc.onRequest(FindSuccessor.TYPE, FoundSuccessor.TYPE, joiner::onFindSuccessor);
        rpc.onRequest(NeighboursQuery.TYPE, NeighboursReply.TYPE, stabilizer::onQuery);
        rpc.onRequest(Leaving.TYPE, Pong.TYPE, gracefulLeave::onLeaving);
        rpc.onOneway(SuccessorHint.TYPE, stabilizer::onHint);
    }

    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        return joiner.join(bootstrap).thenRun(this::startTimers);
    }

    /** Periodic maintenance, each timer starting at a random phase so nodes do not act in step. */
    private void startTimers() {
        Scheduler scheduler = context.scheduler();
        long stabilize = config.stabilizeMillis();
        timers.add(scheduler.repeat(jitter(stabilize), stabilize, stabilizer::stabilize));
        timers.add(scheduler.repeat(jitter(config.checkPredecessorMillis()), config.checkPredecessorMillis(),
                stabilizer::checkPredecessor));
        // The first round soon after joining, when stabilize has had a round to settle the successors.
        timers.add(scheduler.repeat(stabilize + jitter(stabilize), config.fixFingersMillis(), fingerFixer::refresh));
    }

    private long jitter(long period) {
        return (long) (context.random().nextDouble() * period);
    }

    @Override
    public CompletableFuture<Void> leave() {
        cancelTimers();
        return gracefulLeave.announce();
    }

    @Override
    public void stop() {
        cancelTimers();
        state.stop();
    }

    private void cancelTimers() {
        timers.forEach(Timer::cancel);
        timers.clear();
    }

    @Override
    public RouteStep route(Key key) {
        NodeRef self = state.self();
        if (!state.isJoined()) return RouteStep.forward(List.of()); // knows no ring yet: names no one
        if (state.isAlone()) return RouteStep.resolved(self);
        NodeRef predecessor = state.predecessor();
        if (predecessor != null) {
            if (key.isBetweenRightInclusive(predecessor.id(), self.id())) return RouteStep.resolved(self);
            NodeRef before = state.predecessors().responsibleFor(key);
            if (before != null) {
                List<NodeRef> backups = new ArrayList<>(state.predecessors().backupsFor(key, BACKUPS));
                if (backups.size() < BACKUPS) backups.add(self); // after the immediate predecessor comes this node
                return RouteStep.resolved(before, backups);
            }
        }
        if (state.successor() == null) return RouteStep.resolved(self); // successor = n, as just after create
        NodeRef successor = state.successors().successorOf(key);
        if (successor != null) return RouteStep.resolved(successor, state.successors().backupsFor(key, BACKUPS));
        return RouteStep.forward(closestPreceding(key));
    }

    /**
     * The known nodes that most closely precede {@code key}, nearest to it first: fingers and
     * successors merged by distance from this node, duplicates dropped.
     */
    private List<NodeRef> closestPreceding(Key key) {
        Key self = state.self().id();
        FingerTable fingers = state.fingers();
        SuccessorList successors = state.successors();
        int f = fingers.lastBefore(self.clockwiseTo(key));
        int s = successors.lastBefore(key);
        Key successorDistance = s >= 0 ? self.clockwiseTo(successors.get(s).id()) : null;
        List<NodeRef> out = new ArrayList<>(FORWARD_CANDIDATES);
        while (out.size() < FORWARD_CANDIDATES && (f >= 0 || s >= 0)) {
            NodeRef next;
            if (s < 0 || (f >= 0 && fingers.distance(f).compareTo(successorDistance) > 0)) {
                next = fingers.node(f--);
            } else {
                next = successors.get(s--);
                successorDistance = s >= 0 ? self.clockwiseTo(successors.get(s).id()) : null;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).id().equals(next.id())) out.add(next);
        }
        return out;
    }

    @Override
    public boolean isResponsible(Key key) {
        if (!state.isJoined()) return false;
        NodeRef predecessor = state.predecessor();
        if (predecessor == null) return state.isAlone();
        return key.isBetweenRightInclusive(predecessor.id(), state.self().id());
    }

    /** The first {@code count} successors: they take over, in this order, should this node fail. */
    @Override
    public List<NodeRef> replicaSet(Key key, int count) {
        return state.successors().first(count);
    }

    @Override
    public void heard(NodeRef peer) {
        state.heard(peer, context.scheduler().nowMillis());
    }

    @Override
    public void unresponsive(Address peer) {
        state.forget(peer);
    }

    @Override
    public boolean agreesWith(GlobalView view) {
        return state.agreesWith(view);
    }

    @Override
    public Set<NodeRef> contacts() {
        Set<NodeRef> out = new HashSet<>(state.successors().asList());
        out.addAll(state.predecessors().asList());
        out.addAll(state.fingers().nodes());
        return out;
    }

    ChordState state() {
        return state;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("joined", state.isJoined());
        d.put("predecessor", state.predecessor() == null ? "unknown" : state.predecessor().toString());
        d.put("successor", state.successor() == null ? "none" : state.successor().toString());
        d.put("successors", state.successors().size());
        d.put("predecessors", state.predecessors().size());
        d.put("fingers", state.fingers().size());
        return d;
    }
}
