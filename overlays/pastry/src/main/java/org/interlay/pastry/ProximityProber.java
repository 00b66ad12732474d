package org.interlay.pastry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;

/**
 * Measures network proximity as the round trip of a ping on the scheduler's clock (virtual time in
 * simulation, where the latency model makes it meaningful). A probe is also the liveness check that a
 * node learnt of second-hand must pass before it enters this node's state. At most one probe per node
 * is in flight, and a node that failed to answer is not probed again on hearsay for a while, so stale
 * entries passed around after failures cost one timeout, not one per rumour.
 */
final class ProximityProber {
    private static final int FAILED_REMEMBERED = 256;

    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final long failedMemoryMillis;
    private final Map<Key, CompletableFuture<Integer>> inFlight = new HashMap<>();
    private final LinkedHashMap<Key, Long> failed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > FAILED_REMEMBERED;
        }
    };
    private long probes;

    ProximityProber(RpcEndpoint rpc, Scheduler scheduler, long failedMemoryMillis) {
        this.rpc = rpc;
        this.scheduler = scheduler;
        this.failedMemoryMillis = failedMemoryMillis;
    }

    /** The round trip to {@code node} in milliseconds; fails when it does not answer. */
    CompletableFuture<Integer> probe(NodeRef node) {
        CompletableFuture<Integer> running = inFlight.get(node.id());
        if (running != null) return running;
        long start = scheduler.nowMillis();
        probes++;
        CompletableFuture<Integer> result = rpc.request(node.address(), new Ping(), Pong.class)
                .thenApply(pong -> (int) Math.min(Integer.MAX_VALUE - 1, scheduler.nowMillis() - start));
        if (result.isDone()) return result; // the endpoint is closed
        inFlight.put(node.id(), result);
        result.whenComplete((rtt, error) -> {
            inFlight.remove(node.id());
            if (error != null) markFailed(node.id());
        });
        return result;
    }

    boolean isProbing(Key id) {
        return inFlight.containsKey(id);
    }

    /** True when {@code id} failed to answer within the memory period. */
    boolean recentlyFailed(Key id) {
        Long at = failed.get(id);
        if (at == null) return false;
        if (scheduler.nowMillis() - at < failedMemoryMillis) return true;
        failed.remove(id);
        return false;
    }

    void markFailed(Key id) {
        failed.remove(id);
        failed.put(id, scheduler.nowMillis());
    }

    /** {@code id} spoke: whatever failed before, it is alive now. */
    void markAlive(Key id) {
        if (!failed.isEmpty()) failed.remove(id);
    }

    long probes() {
        return probes;
    }
}
