package org.interlay.kademlia;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.NodeContext;
import org.interlay.time.Timer;

/**
 * Refreshes k-buckets by node lookups (section 2.3). A refresh of bucket i looks up a random id in
 * its range: the lookup queries, and so puts into this node's buckets, the nodes closest to that id,
 * and puts this node into theirs. The neighbourhood (the buckets up to the closest contact) is
 * refreshed by looking up this node's own id.
 *
 * <p>Any bucket into which no refresh was made for a refresh period is refreshed again; buckets are
 * checked four times per period, starting at a random moment so that nodes do not refresh in step.
 */
final class BucketRefresher {
    private final NodeContext context;
    private final RoutingTable table;
    private final long periodMillis;
    private Timer timer;
    private Timer neighbourhoodRepair;

    BucketRefresher(NodeContext context, RoutingTable table, long periodMillis) {
        this.context = context;
        this.table = table;
        this.periodMillis = periodMillis;
    }

    /** Looks up this node's own id; completes when the lookup has ended, whatever its outcome. */
    CompletableFuture<Void> lookUpOwnId() {
        return lookUpOwnIdReachingAnyone().thenApply(reached -> null);
    }

    /**
     * Looks up this node's own id; completes with whether any other node answered (the closest nodes
     * the lookup ended with are those that answered, this node among them).
     */
    CompletableFuture<Boolean> lookUpOwnIdReachingAnyone() {
        return context.closestNodes(table.self()).handle((closest, error) ->
                error == null && closest.stream().anyMatch(n -> !n.id().equals(table.self())));
    }

    /**
     * Refreshes the neighbourhood: looks up this node's own id, then the id of the neighbourhood's
     * outermost bucket m that is closest to this node (its own id with bit m flipped). The first finds
     * the closest nodes on this node's side of bit m. The second finds those beyond it: nodes on this
     * side answer a lookup of the own id with contacts on this side first, and their own bucket m may
     * be full of other nodes, so the nearest ones beyond bit m can be missed otherwise, while they are
     * exactly the nodes of bucket m closest to that id.
     */
    CompletableFuture<Void> refreshNeighbourhood() {
        return lookUpOwnId().thenCompose(v -> {
            int m = table.neighbourhoodIndex();
            table.markRefreshed(m, context.scheduler().nowMillis());
            return context.closestNodes(table.self().xor(Key.powerOfTwo(m))).handle((result, error) -> null);
        });
    }

    /**
     * Looks up this node's own id after {@code delayMillis}, unless such a lookup is already due: a
     * contact of the neighbourhood was lost, and the lookup finds who now belongs in its place.
     */
    void refreshNeighbourhoodSoon(long delayMillis) {
        if (neighbourhoodRepair != null || timer == null) return;
        neighbourhoodRepair = context.scheduler().schedule(delayMillis, () -> {
            neighbourhoodRepair = null;
            refreshNeighbourhood();
        });
    }

    /**
     * Refreshes, all at once, each bucket further away than the closest contact that has not been
     * refreshed since {@code sinceMillis}; completes when all those lookups have ended.
     */
    CompletableFuture<Void> refreshBeyondClosest(long sinceMillis) {
        List<CompletableFuture<Void>> refreshes = new ArrayList<>();
        for (int i = table.closestContactIndex() + 1; i < Key.BITS; i++) {
            if (table.refreshedAt(i) < sinceMillis) refreshes.add(refreshBucket(i));
        }
        return CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new));
    }

    /** Starts the periodic check, the first one at a random point of the first quarter period. */
    void start() {
        long tick = Math.max(1, periodMillis / 4);
        timer = context.scheduler().repeat(1 + (long) (context.random().nextDouble() * tick), tick, this::refreshStale);
    }

    void stop() {
        if (timer != null) timer.cancel();
        if (neighbourhoodRepair != null) neighbourhoodRepair.cancel();
    }

    private void refreshStale() {
        long since = context.scheduler().nowMillis() - periodMillis;
        int closest = table.closestContactIndex();
        if (closest >= Key.BITS) return; // alone: nobody to ask
        if (table.refreshedAt(table.neighbourhoodIndex()) < since) refreshNeighbourhood();
        refreshBeyondClosest(since);
    }

    private CompletableFuture<Void> refreshBucket(int index) {
        table.markRefreshed(index, context.scheduler().nowMillis());
        return context.closestNodes(BucketRange.randomIn(table.self(), index, context.random())).handle((result, error) -> null);
    }
}
