package org.interlay.pastry;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.overlay.time.Scheduler;
import org.interlay.overlay.time.Timer;
import org.interlay.pastry.msg.FailureNotice;
import org.interlay.pastry.msg.LeafSetReply;
import org.interlay.pastry.msg.LeafSetRequest;

/**
 * Keeps the leaf set true (section 2.4, "node failure"): neighbours in the id space exchange keep-alives;
 * a node that stops answering is presumed failed, the members of its leaf set are notified, and each
 * replaces it from the leaf set of its live leaf farthest on that side, which knows the nodes beyond.
 *
 * <p>Every period a node pings its nearest leaf on each side if it has not heard from it during the period
 * (neighbours ping each other, so a pair costs about one ping a period), every other period exchanges leaf
 * sets with one leaf in turn (so nodes that joined side by side, or learnt of different nodes, converge on
 * the same set),
 * and pings any leaf not heard from for a long while. A failure found is announced to the leaf set with a
 * {@link FailureNotice}, so the farther leaves need no keep-alives of their own.
 */
final class LeafSetMaintenance {
    private final PastryRouting routing;
    private final NodeContext context;
    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final long periodMillis;
    private final long silenceMillis;
    private Timer timer;
    private int turn;

    LeafSetMaintenance(PastryRouting routing, NodeContext context, PastryConfig config) {
        this.routing = routing;
        this.context = context;
        this.rpc = context.rpc();
        this.scheduler = context.scheduler();
        this.periodMillis = config.keepAliveMillis();
        this.silenceMillis = config.entryProbeMillis();
    }

    void start() {
        long firstIn = 1 + context.random().nextInt((int) Math.min(Integer.MAX_VALUE, periodMillis));
        timer = scheduler.repeat(firstIn, periodMillis, this::keepAlive);
    }

    void stop() {
        if (timer != null) timer.cancel();
    }

    private void keepAlive() {
        LeafSet leaves = routing.leafSet();
        List<NodeRef> members = leaves.members();
        if (members.isEmpty()) return;
        NodeRef partner = (turn++ & 1) == 0 ? members.get((turn / 2) % members.size()) : null;
        if (partner != null) exchangeWith(partner);
        long now = scheduler.nowMillis();
        for (LeafSet.Side side : LeafSet.Side.values()) {
            NodeRef nearest = leaves.nearest(side);
            if (nearest != null && !nearest.equals(partner) && leaves.heardAt(nearest.id()) < now - periodMillis) {
                routing.measureAndLearn(nearest);
            }
        }
        for (NodeRef n : leaves.notHeardSince(now - silenceMillis)) {
            if (!n.equals(partner)) routing.measureAndLearn(n);
        }
    }

    /** Section 2.4: a leaf failed; the members of its leaf set (about this node's own) are told. */
    void announceFailure(NodeRef failed) {
        FailureNotice notice = new FailureNotice(failed.id());
        for (NodeRef n : routing.leafSet().members()) rpc.send(n.address(), notice);
    }

    /** Section 2.4: a leaf on {@code sides} failed or left; ask the farthest live leaf there for its leaf set. */
    void repair(List<LeafSet.Side> sides) {
        LeafSet leaves = routing.leafSet();
        for (LeafSet.Side side : sides) {
            NodeRef farthest = leaves.farthest(side);
            if (farthest == null) {
                farthest = leaves.farthest(side == LeafSet.Side.LARGER ? LeafSet.Side.SMALLER : LeafSet.Side.LARGER);
            }
            if (farthest != null) exchangeWith(farthest);
        }
    }

    private void exchangeWith(NodeRef leaf) {
        rpc.request(leaf.address(), new LeafSetRequest(routing.leafSet().members()), LeafSetReply.class)
                .thenAccept(reply -> {
                    if (!routing.isStopped()) routing.consider(reply.leaves());
                });
    }
}
