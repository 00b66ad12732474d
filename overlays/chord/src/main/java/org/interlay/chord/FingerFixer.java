package org.interlay.chord;

import java.util.concurrent.CompletionException;
import org.interlay.chord.msg.NeighboursQuery;
import org.interlay.chord.msg.NeighboursReply;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;

/**
 * fix_fingers (Stoica et al., SIGCOMM 2001 Fig. 7), one round refreshing every distinct finger.
 *
 * <p>A round first takes the fingers whose starts fall within the successor list from the list
 * itself. Then, for the lowest finger i not yet refreshed, it finds successor(n + 2^i), and the
 * answer s is also finger j for every later start n + 2^j that does not pass s: the check the paper
 * makes when a node joins (§4.4, "finger[i] is also the correct finger[i+1]"). So a round costs one
 * find_successor per distinct finger, about log2 N, however many of the 160 fingers there are.
 *
 * <p>find_successor(n + 2^i) starts from what the finger table already says: a finger f is still
 * the successor of its start when f's predecessor precedes the start (f's predecessor is kept by
 * stabilize). If some of f's predecessors lie at or past the start, the one nearest the start is the
 * closer candidate and is asked in turn; a finger that does not answer, or no answer after a few
 * such steps, falls back to a full lookup. A round in a stable ring thus costs one short request per
 * distinct finger.
 */
final class FingerFixer {
    /** Predecessors followed back from a stale finger before a full lookup is cheaper. */
    private static final int MAX_STEPS_BACK = 3;

    private final NodeContext context;
    private final ChordState state;
    private boolean running;

    FingerFixer(NodeContext context, ChordState state) {
        this.context = context;
        this.state = state;
    }

    /** Starts a round, unless one is still going on. */
    void refresh() {
        if (running || !state.isJoined() || state.successor() == null) return;
        running = true;
        Key self = state.self().id();
        state.fingers().fillFromSuccessors(state.successors().asList());
        fix(FingerTable.firstIndexBeyond(self, state.successors().last().id()));
    }

    private void fix(int i) {
        if (i >= Key.BITS || !state.isJoined()) {
            running = false;
            return;
        }
        NodeRef current = state.fingers().finger(i);
        if (current == null) lookUp(i); else verify(i, current, 0);
    }

    /** Is {@code candidate} successor(n + 2^i)? Asks it for its predecessor. */
    private void verify(int i, NodeRef candidate, int stepsBack) {
        Key start = FingerTable.start(state.self().id(), i);
        context.rpc().request(candidate.address(), NeighboursQuery.predecessorOnly(), NeighboursReply.class)
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        if (isClosed(error)) running = false; else lookUp(i);
                        return;
                    }
                    NodeRef nearest = nearestAtOrAfter(start, candidate, reply);
                    if (reply.predecessors().isEmpty()) {
                        lookUp(i); // the candidate cannot tell what precedes it
                    } else if (nearest == null) {
                        found(i, candidate);
                    } else if (stepsBack < MAX_STEPS_BACK) {
                        verify(i, nearest, stepsBack + 1);
                    } else {
                        lookUp(i);
                    }
                });
    }

    /** Of the candidate's predecessors lying in [start, candidate), the one nearest the start; null if none. */
    private static NodeRef nearestAtOrAfter(Key start, NodeRef candidate, NeighboursReply reply) {
        Key reach = start.clockwiseTo(candidate.id());
        NodeRef nearest = null;
        for (NodeRef p : reply.predecessors()) {
            if (start.clockwiseTo(p.id()).compareTo(reach) >= 0) break;
            nearest = p;
        }
        return nearest;
    }

    private void lookUp(int i) {
        context.lookup(FingerTable.start(state.self().id(), i)).whenComplete((result, error) -> {
            if (error == null) found(i, result.responsible()); else fix(i + 1);
        });
    }

    private void found(int i, NodeRef successor) {
        Key self = state.self().id();
        state.fingers().set(i, successor);
        fix(successor.id().equals(self) ? Key.BITS : Math.max(i + 1, FingerTable.firstIndexBeyond(self, successor.id())));
    }

    private boolean isClosed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return state.isStopped() || cause instanceof IllegalStateException;
    }
}
