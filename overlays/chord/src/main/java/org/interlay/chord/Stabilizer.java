package org.interlay.chord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.interlay.chord.msg.NeighboursReply;
import org.interlay.chord.msg.NeighboursQuery;
import org.interlay.chord.msg.SuccessorHint;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.rpc.RpcTimeoutException;

/**
 * The protocols that keep successors and predecessors right (Stoica et al., SIGCOMM 2001 Fig. 7 and
 * §6; ToN 2003 Fig. 6): stabilize with notify, and check_predecessor.
 *
 * <p>stabilize asks the successor for its predecessor x and its successor list; when x lies between
 * this node and the successor it becomes the successor, and is asked in turn at once, so a node that
 * many others joined in front of walks back to its true successor within one round. The request
 * itself is the notify: "I think I might be your predecessor".
 *
 * <p>Two pushes shorten the wait for the next round, without changing what a round would find: a
 * node whose predecessor changes tells the old predecessor about the new one, and a node that joins
 * tells its predecessor about itself ({@link SuccessorHint}); the receiver stabilizes at once.
 */
final class Stabilizer {
    /** Closer successors followed, or failed ones skipped, within one stabilize round. */
    private static final int MAX_STEPS = 64;

    private final NodeContext context;
    private final ChordState state;
    private final long checkPredecessorMillis;
    private boolean running;
    /** A hint came while a round was running: run another as soon as it ends. */
    private boolean again;

    Stabilizer(NodeContext context, ChordState state, ChordConfig config) {
        this.context = context;
        this.state = state;
        this.checkPredecessorMillis = config.checkPredecessorMillis();
    }

    /** One round of stabilize. */
    void stabilize() {
        if (running || !state.isJoined()) return;
        if (state.successor() == null && state.predecessor() == null) return; // alone
        running = true;
        ask(firstSuccessor(), 0);
    }

    /** The successor to ask; a node alone (successor = itself) takes the node that notified it. */
    private NodeRef firstSuccessor() {
        if (state.successor() == null) state.adoptSuccessors(state.predecessor(), List.of());
        return state.successor();
    }

    /**
     * A node says {@code hint.candidate()} may be this node's successor: if it lies between this node
     * and its successor, it becomes the successor and is asked at once, as stabilize would.
     */
    void onHint(NodeRef from, SuccessorHint hint) {
        NodeRef candidate = hint.candidate();
        NodeRef successor = state.successor();
        if (!state.isJoined() || candidate.id().equals(state.self().id())) return;
        if (successor != null && !candidate.id().isBetweenExclusive(state.self().id(), successor.id())) return;
        state.adoptSuccessors(candidate, state.successors().asList());
        if (running) {
            again = true;
        } else {
            running = true;
            ask(candidate, 0);
        }
    }

    private void ask(NodeRef successor, int step) {
        NeighboursQuery request = NeighboursQuery.stabilize(state.predecessors().asList());
        context.rpc().request(successor.address(), request, NeighboursReply.class).whenComplete((reply, error) -> {
            if (state.isStopped()) {
                running = false;
            } else if (error != null) {
                // A successor that did not answer has been dropped (unresponsive); try the next one.
                NodeRef next = state.successor();
                boolean timedOut = unwrap(error) instanceof RpcTimeoutException;
                if (timedOut && next != null && step < MAX_STEPS) ask(next, step + 1); else finish();
            } else {
                onReply(successor, reply, step);
            }
        });
    }

    /**
     * The successor's predecessors that lie between this node and it are closer successors: the
     * nearest of them becomes the successor and is asked in turn; the others follow it in the list.
     */
    private void onReply(NodeRef successor, NeighboursReply reply, int step) {
        List<NodeRef> closer = reply.predecessorsBetween(state.self().id(), successor.id());
        if (closer.isEmpty()) {
            state.adoptSuccessors(successor, reply.successors());
        } else {
            NodeRef nearest = closer.get(closer.size() - 1);
            state.adoptSuccessors(nearest, successorsAfter(closer, successor, reply.successors()));
            if (step < MAX_STEPS) {
                ask(nearest, step + 1);
                return;
            }
        }
        finish();
    }

    /**
     * What follows the nearest of {@code closer} (the asked node's predecessors, nearest it first): the
     * rest of them in clockwise order, the asked node, then its successors.
     */
    static List<NodeRef> successorsAfter(List<NodeRef> closer, NodeRef asked, List<NodeRef> itsSuccessors) {
        List<NodeRef> rest = new ArrayList<>(closer.size() + itsSuccessors.size());
        for (int i = closer.size() - 2; i >= 0; i--) rest.add(closer.get(i));
        rest.add(asked);
        rest.addAll(itsSuccessors);
        return rest;
    }

    private void finish() {
        running = false;
        if (again) {
            again = false;
            stabilize();
        }
    }

    /** A node asks for this node's neighbours; with notify set, it takes this node for its successor. */
    CompletionStage<NeighboursReply> onQuery(NodeRef from, NeighboursQuery request) {
        if (request.notifying()) notify(from, request.predecessors());
        List<NodeRef> successors = request.wantSuccessors() ? state.successors().asList() : List.of();
        List<NodeRef> fingers = request.wantFingers() ? state.fingers().nodes() : List.of();
        return CompletableFuture.completedFuture(new NeighboursReply(state.predecessors().asList(), successors, fingers));
    }

    /** notify(n'): n' becomes the predecessor if there is none or it lies between the one there is and this node. */
    private void notify(NodeRef candidate, List<NodeRef> itsPredecessors) {
        NodeRef current = state.predecessor();
        boolean closer = current == null || candidate.id().isBetweenExclusive(current.id(), state.self().id());
        if (closer || current.id().equals(candidate.id())) {
            state.setPredecessor(candidate, itsPredecessors, context.scheduler().nowMillis());
        }
        if (closer && current != null) {
            // The old predecessor's next stabilize would find the new one; tell it now.
            context.rpc().send(current.address(), new SuccessorHint(candidate));
        }
        // A node alone has itself for successor; its first stabilize would take the predecessor instead.
        if (state.successor() == null) state.adoptSuccessors(candidate, List.of());
    }

    /**
     * check_predecessor: pings a predecessor not heard from for a period; if it does not answer, the
     * RPC layer reports it unresponsive and it is forgotten, so the next notify can replace it.
     */
    void checkPredecessor() {
        NodeRef predecessor = state.predecessor();
        if (predecessor == null || !state.isJoined()) return;
        long now = context.scheduler().nowMillis();
        if (now - state.predecessorHeardAt() < checkPredecessorMillis) return;
        context.rpc().request(predecessor.address(), new Ping(), Pong.class);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
