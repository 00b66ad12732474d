package org.interlay.kademlia;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.time.Timer;

/**
 * Keeps this node's k closest contacts known to be alive: once per check period, each of them that
 * has not been heard from within the period is pinged. One that does not answer is reported
 * unresponsive by the rpc layer and leaves its bucket, and the neighbourhood repair that follows
 * finds the node that takes its place.
 *
 * <p>Beyond the paper, which notices failed nodes only through failed RPCs and the hourly refresh. A
 * node decides alone whether it is responsible for a key (no contact closer to it), so a dead
 * neighbour it still believed in would make it disown records it should serve, and replicate them to
 * a dead node; this bounds that to about two periods. In a quiet overlay it costs at most k pings per
 * node per period, fewer since a ping refreshes both ends.
 */
final class NeighbourhoodWatch {
    private final NodeContext context;
    private final RoutingTable table;
    private final int k;
    private final long periodMillis;
    private Timer timer;

    NeighbourhoodWatch(NodeContext context, RoutingTable table, int k, long periodMillis) {
        this.context = context;
        this.table = table;
        this.k = k;
        this.periodMillis = periodMillis;
    }

    /** Starts watching, the first time at a random point of the first period. */
    void start() {
        if (periodMillis <= 0) return;
        timer = context.scheduler().repeat(1 + (long) (context.random().nextDouble() * periodMillis), periodMillis,
                this::check);
    }

    void stop() {
        if (timer != null) timer.cancel();
    }

    private void check() {
        for (NodeRef contact : table.closest(table.self(), k)) {
            if (table.secondsSinceHeard(contact) * 1000L >= periodMillis) {
                context.rpc().request(contact.address(), new Ping(), Pong.class).exceptionally(e -> null);
            }
        }
    }
}
