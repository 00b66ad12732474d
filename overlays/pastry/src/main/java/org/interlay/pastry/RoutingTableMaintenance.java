package org.interlay.pastry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeContext;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.pastry.msg.RowReply;
import org.interlay.pastry.msg.RowRequest;

/**
 * Keeps the routing table full, live and close.
 *
 * <ul>
 *   <li>Repair (section 2.4): when entry R[l][d] fails, another entry R[l][i] of the same row is asked
 *       for its row l, whose entry d fits; when row l has no other entry, an entry of row l + 1, which
 *       shares the first l digits too, casting a wider net.</li>
 *   <li>Row exchange, every period: one row goes to a random entry of that row, which answers with its
 *       own; both fill empty entries from the other and probe a few rivals of full entries for proximity.
 *       Every other period the shallowest row with an empty entry is chosen, so nodes that joined later
 *       and that nobody told reach every row that has room for them.</li>
 *   <li>Entries of the routing table and neighbourhood set not heard from for a while are pinged, so
 *       failures are found before a lookup meets them (the neighbourhood set's periodic liveness test of
 *       section 2.4).</li>
 * </ul>
 */
final class RoutingTableMaintenance {
    private static final int MAX_STALE_PROBES = 32;

    private final PastryRouting routing;
    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final Random random;
    private final PastryConfig config;
    private Timer timer;
    private int turn;

    RoutingTableMaintenance(PastryRouting routing, NodeContext context, PastryConfig config) {
        this.routing = routing;
        this.rpc = context.rpc();
        this.scheduler = context.scheduler();
        this.random = context.random();
        this.config = config;
    }

    void start() {
        long period = config.periods().tableMaintenance();
        long firstIn = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, period));
        timer = scheduler.repeat(firstIn, period, this::maintain);
    }

    void stop() {
        if (timer != null) timer.cancel();
    }

    private void maintain() {
        int row = chooseRow();
        if (row >= 0) {
            List<NodeRef> entries = routing.table().row(row);
            exchange(row, entries.get(random.nextInt(entries.size())), true);
        }
        probeStale();
    }

    /**
     * Every other period the shallowest row with an empty entry: a shallow row has room only when nodes
     * that fit it joined after this node did, and some partner in that row is likely to know them. The
     * other periods, any row with entries, to keep full rows close.
     */
    private int chooseRow() {
        RoutingTable table = routing.table();
        int shallowestWithRoom = -1;
        List<Integer> withEntries = new ArrayList<>();
        for (int r = 0, deepest = table.deepestRow(); r <= deepest; r++) {
            int size = table.row(r).size();
            if (size == 0) continue;
            withEntries.add(r);
            if (shallowestWithRoom < 0 && size < table.columns() - 1) shallowestWithRoom = r;
        }
        if (withEntries.isEmpty()) return -1;
        if (shallowestWithRoom >= 0 && (turn++ & 1) == 0) return shallowestWithRoom;
        return withEntries.get(random.nextInt(withEntries.size()));
    }

    /** Section 2.4: entry {@code slot} failed; ask another entry of its row, else of the next row. */
    void repair(RoutingTable.Slot slot) {
        RoutingTable table = routing.table();
        List<NodeRef> ask = table.row(slot.row());
        if (ask.isEmpty() && slot.row() + 1 < table.rowCount()) ask = table.row(slot.row() + 1);
        if (ask.isEmpty()) return;
        exchange(slot.row(), ask.get(random.nextInt(ask.size())), false);
    }

    private void exchange(int row, NodeRef partner, boolean weighProximity) {
        rpc.request(partner.address(), new RowRequest(row, routing.table().row(row)), RowReply.class)
                .thenAccept(reply -> {
                    if (routing.isStopped()) return;
                    routing.consider(reply.entries(), false);
                    if (weighProximity) routing.considerForProximity(reply.entries(), config.proximityProbesPerExchange());
                });
    }

    private void probeStale() {
        long before = scheduler.nowMillis() - config.periods().entryProbe();
        List<NodeRef> stale = routing.table().staleEntries(before, MAX_STALE_PROBES);
        stale.addAll(routing.neighbourhood().notHeardSince(before));
        for (NodeRef n : stale) routing.measureAndLearn(n, false);
    }
}
