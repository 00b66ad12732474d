package org.interlay.pastry;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.pastry.msg.FailureNotice;
import org.interlay.pastry.msg.LeafSetReply;
import org.interlay.pastry.msg.LeafSetRequest;

/**
 * Keeps the leaf set true (section 2.4, "node failure"): neighbours in the id space exchange keep-alives;
 * a node unresponsive for a period T is presumed failed, the members of its leaf set are notified, and each
 * replaces it from the leaf set of its live leaf farthest on that side, which knows the nodes beyond.
 *
 * <ul>
 *   <li>Every keep-alive period a node pings its nearest leaf on each side unless it heard from it during
 *       the period (neighbours ping each other, so a pair costs about one ping a period). A leaf that has
 *       not answered T after the ping is presumed failed and announced with a {@link FailureNotice}, so
 *       farther leaves need no keep-alives of their own; should it speak again, it is taken back.</li>
 *   <li>Every exchange period the leaf set is exchanged with the farthest leaf of one side, the sides in
 *       turn, so nodes that joined side by side, or learnt of different nodes, converge on the same set.</li>
 *   <li>A leaf not heard from for a long while is pinged, whatever its place.</li>
 * </ul>
 */
final class LeafSetMaintenance {
    private final PastryRouting routing;
    private final NodeContext context;
    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final PastryConfig.Periods periods;
    private Timer keepAlives;
    private Timer exchanges;
    private int turn;

    LeafSetMaintenance(PastryRouting routing, NodeContext context, PastryConfig config) {
        this.routing = routing;
        this.context = context;
        this.rpc = context.rpc();
        this.scheduler = context.scheduler();
        this.periods = config.periods();
    }

    void start() {
        keepAlives = scheduler.repeat(jitter(periods.keepAlive()), periods.keepAlive(), this::keepAlive);
        exchanges = scheduler.repeat(jitter(periods.leafSetExchange()), periods.leafSetExchange(), this::exchange);
    }

    private long jitter(long period) {
        return 1 + context.random().nextInt((int) Math.min(Integer.MAX_VALUE, period));
    }

    void stop() {
        if (keepAlives != null) keepAlives.cancel();
        if (exchanges != null) exchanges.cancel();
    }

    private void keepAlive() {
        LeafSet leaves = routing.leafSet();
        long now = scheduler.nowMillis();
        for (LeafSet.Side side : LeafSet.Side.values()) {
            NodeRef nearest = leaves.nearest(side);
            if (nearest != null && leaves.heardAt(nearest.id()) < now - periods.keepAlive()) ping(nearest);
        }
        for (NodeRef n : leaves.notHeardSince(now - periods.entryProbe())) routing.measureAndLearn(n, false);
    }

    /** A keep-alive: unanswered for T, the leaf is presumed failed (its late answer would bring it back). */
    private void ping(NodeRef leaf) {
        long sent = scheduler.nowMillis();
        routing.measureAndLearn(leaf, false);
        scheduler.schedule(periods.failureTimeout(), () -> {
            if (!routing.isStopped() && routing.leafSet().heardAt(leaf.id()) < sent && routing.leafSet().contains(leaf.id())) {
                routing.presumeFailed(leaf);
            }
        });
    }

    /**
     * With the farthest leaf of each side in turn: it knows the nodes around the far end of the range,
     * where a node that joined unannounced to this one would leave a gap (nodes that join nearer are among
     * the leaves they announce themselves to).
     */
    private void exchange() {
        LeafSet.Side side = (turn++ & 1) == 0 ? LeafSet.Side.LARGER : LeafSet.Side.SMALLER;
        NodeRef farthest = routing.leafSet().farthest(side);
        if (farthest != null) exchangeWith(farthest);
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
                    if (!routing.isStopped()) routing.consider(reply.leaves(), true);
                });
    }
}
