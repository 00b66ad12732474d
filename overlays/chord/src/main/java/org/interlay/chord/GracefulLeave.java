package org.interlay.chord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.interlay.chord.msg.Leaving;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.msg.Pong;

/**
 * A voluntary departure (SIGCOMM 2001 §6.2, ToN 2003 §IV-E.2): the leaving node, its records already
 * handed over by the shared node, tells its successor and its predecessor, which link up around it
 * at once instead of waiting for a failure to be noticed.
 */
final class GracefulLeave {
    private final NodeContext context;
    private final ChordState state;

    GracefulLeave(NodeContext context, ChordState state) {
        this.context = context;
        this.state = state;
    }

    /** Tells successor and predecessor that this node leaves; completes when both answered or gave up. */
    CompletableFuture<Void> announce() {
        NodeRef successor = state.successor();
        NodeRef predecessor = state.predecessor();
        Leaving leaving = new Leaving(state.predecessors().asList(), state.successors().asList());
        List<CompletableFuture<?>> acks = new ArrayList<>(2);
        if (successor != null) acks.add(tell(successor, leaving));
        if (predecessor != null && !predecessor.equals(successor)) acks.add(tell(predecessor, leaving));
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> tell(NodeRef node, Leaving leaving) {
        return context.rpc().request(node.address(), leaving, Pong.class).exceptionally(e -> null);
    }

    /** A neighbour leaves: take its predecessors or successors in its place. */
    CompletionStage<Pong> onLeaving(NodeRef from, Leaving leaving) {
        state.linkAround(from, leaving.predecessors(), leaving.successors());
        return CompletableFuture.completedFuture(new Pong());
    }
}
