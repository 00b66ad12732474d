package org.interlay.chord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.interlay.chord.msg.FindSuccessor;
import org.interlay.chord.msg.FoundSuccessor;
import org.interlay.chord.msg.SuccessorHint;
import org.interlay.chord.msg.NeighboursReply;
import org.interlay.chord.msg.NeighboursQuery;
import org.interlay.overlay.Address;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;

/**
 * create and join (Stoica et al., SIGCOMM 2001 Fig. 7): a node joins by asking a node n' already in
 * the ring to find its successor, n'.find_successor(n), which n' does with an ordinary lookup. It
 * then asks that successor for its predecessors, successor list and fingers, notifying it: the lists
 * become its own, and the fingers serve as hints for its finger table until fix_fingers has run (the
 * optimization closing §4.4). Should the successor's predecessors show nodes between the two, the
 * nearest is the true successor and is asked in turn, the walk stabilize would make.
 *
 * <p>The lookup is for n + 1 rather than n: the two agree unless the ring already half-knows n (a
 * retried join whose first notify got through), where n + 1 still finds n's successor, not n.
 */
final class Joiner {
    /** Closer successors followed while joining, before leaving the rest to stabilize. */
    private static final int MAX_WALK = 64;

    private final NodeContext context;
    private final ChordState state;
    private final ChordConfig config;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    Joiner(NodeContext context, ChordState state, ChordConfig config) {
        this.context = context;
        this.state = state;
        this.config = config;
    }

    /** Creates a ring when {@code bootstrap} is empty, else joins through its nodes, in turn until one works. */
    CompletableFuture<Void> join(List<Address> bootstrap) {
        if (bootstrap.isEmpty()) {
            state.markJoined();
            joined.complete(null);
        } else {
            attempt(List.copyOf(bootstrap), 0, null);
        }
        return joined;
    }

    private void attempt(List<Address> bootstrap, int attempt, Throwable lastError) {
        if (state.isStopped()) {
            joined.completeExceptionally(new JoinFailedException("stopped while joining", lastError));
            return;
        }
        if (attempt >= config.joinAttempts()) {
            joined.completeExceptionally(new JoinFailedException("no successor found through " + bootstrap + " in "
                    + attempt + " attempts", lastError));
            return;
        }
        Address through = bootstrap.get(attempt % bootstrap.size());
        Key justAfterSelf = state.self().id().add(Key.powerOfTwo(0));
        context.rpc().request(through, new FindSuccessor(justAfterSelf), FoundSuccessor.class)
                .thenCompose(found -> joinBefore(found.successor(), 0))
                .whenComplete((v, error) -> {
                    if (error == null) {
                        joined.complete(null);
                    } else {
                        context.scheduler().schedule(config.stabilizeMillis(), () -> attempt(bootstrap, attempt + 1, error));
                    }
                });
    }

    /**
     * Takes {@code successor}'s neighbours and fingers, notifying it that this node now precedes it.
     * When some of the successor's predecessors lie between this node and it, the nearest of them is
     * the closer successor and is asked in turn (as stabilize would), a bounded number of times.
     */
    private CompletableFuture<Void> joinBefore(NodeRef successor, int step) {
        NodeRef self = state.self();
        if (successor.id().equals(self.id())) {
            return CompletableFuture.failedFuture(new IllegalStateException("found itself as its successor"));
        }
        return context.rpc().request(successor.address(), NeighboursQuery.join(), NeighboursReply.class)
                .thenCompose(reply -> {
                    List<NodeRef> closer = reply.predecessorsBetween(self.id(), successor.id());
                    if (!closer.isEmpty() && step < MAX_WALK) return joinBefore(closer.get(closer.size() - 1), step + 1);
                    settle(successor, reply, closer);
                    return CompletableFuture.completedFuture(null);
                });
    }

    /**
     * As in the join of SIGCOMM 2001 Fig. 6: predecessor = successor.predecessor (the one it had before
     * this node's notify), and that predecessor learns that this node now follows it (the first step
     * of update_others). When the walk stopped early, with nodes still between this one and the
     * successor, the nearest becomes the successor and the predecessor is left to notify.
     */
    private void settle(NodeRef successor, NeighboursReply reply, List<NodeRef> closer) {
        NodeRef self = state.self();
        if (closer.isEmpty()) {
            state.adoptSuccessors(successor, reply.successors());
        } else {
            state.adoptSuccessors(closer.get(closer.size() - 1), Stabilizer.successorsAfter(closer, successor, reply.successors()));
        }
        for (NodeRef hint : reply.fingers()) state.fingers().offer(hint);
        state.fingers().fillFromSuccessors(state.successors().asList());
        List<NodeRef> before = reply.predecessors();
        if (!before.isEmpty() && before.get(0).id().equals(self.id())) before = before.subList(1, before.size());
        if (closer.isEmpty() && !before.isEmpty()) {
            NodeRef predecessor = before.get(0);
            state.setPredecessor(predecessor, before.subList(1, before.size()), context.scheduler().nowMillis());
            context.rpc().send(predecessor.address(), new SuccessorHint(self));
        }
        state.markJoined();
    }

    /** n'.find_successor(key) for a joining node; a node still joining itself answers once it has joined. */
    CompletionStage<FoundSuccessor> onFindSuccessor(NodeRef from, FindSuccessor request) {
        return joined.thenCompose(v -> context.lookup(request.key())).thenApply(r -> new FoundSuccessor(r.responsible()));
    }
}
