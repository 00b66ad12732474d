package org.interlay.overlay.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.node.msg.RouteDone;
import org.interlay.overlay.node.msg.RouteForward;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * Recursive lookups: the lookup travels node to node, each acknowledging it and choosing the next
 * hop by its own routing decision (falling back to the next candidate when one does not acknowledge),
 * until a node that knows the responsible one reports the route to the origin.
 */
final class RecursiveRouter {
    private final RoutingAlgorithm routing;
    private final RpcEndpoint rpc;
    private final Scheduler scheduler;
    private final NodeRef self;
    private final long timeoutMillis;
    private final Map<Long, Waiting> waiting = new HashMap<>();
    private long nextLookupId;

    private record Waiting(Key key, long startedAt, CompletableFuture<LookupResult> result, Timer timer) {}

    RecursiveRouter(RoutingAlgorithm routing, RpcEndpoint rpc, Scheduler scheduler, NodeRef self, long timeoutMillis,
                    long seed) {
        this.routing = routing;
        this.rpc = rpc;
        this.scheduler = scheduler;
        this.self = self;
        this.timeoutMillis = timeoutMillis;
        this.nextLookupId = seed & Long.MAX_VALUE;
        rpc.onRequest(RouteForward.TYPE, Pong.TYPE, (from, m) -> {
            scheduler.execute(() -> forward(m));
            return CompletableFuture.completedFuture(new Pong());
        });
        rpc.onOneway(RouteDone.TYPE, (from, m) -> finish(m));
    }

    CompletableFuture<LookupResult> lookup(Key key) {
        CompletableFuture<LookupResult> result = new CompletableFuture<>();
        long id = nextLookupId++;
        Timer timer = scheduler.schedule(timeoutMillis, () -> {
            Waiting w = waiting.remove(id);
            if (w != null) w.result.completeExceptionally(new LookupDriver.LookupFailedException(key));
        });
        waiting.put(id, new Waiting(key, scheduler.nowMillis(), result, timer));
        forward(new RouteForward(id, key, self, List.of()));
        return result;
    }

    private void forward(RouteForward m) {
        List<NodeRef> path = new ArrayList<>(m.path());
        path.add(self);
        RouteStep step = routing.route(m.key());
        if (step instanceof RouteStep.Resolved r) {
            if (!r.responsible().equals(self)) path.add(r.responsible());
            RouteDone done = new RouteDone(m.lookupId(), path);
            if (m.origin().equals(self)) finish(done); else rpc.send(m.origin().address(), done);
        } else if (step instanceof RouteStep.Forward f) {
            if (path.size() >= RouteForward.MAX_PATH) return; // a loop or a broken overlay: the origin times out
            tryNext(new RouteForward(m.lookupId(), m.key(), m.origin(), path), f.closer(), 0);
        }
    }

    private void tryNext(RouteForward m, List<NodeRef> candidates, int index) {
        if (index >= candidates.size()) return;
        NodeRef next = candidates.get(index);
        rpc.request(next.address(), m).whenComplete((ack, e) -> {
            if (e != null) tryNext(m, candidates, index + 1);
        });
    }

    private void finish(RouteDone done) {
        Waiting w = waiting.remove(done.lookupId());
        if (w == null) return;
        w.timer.cancel();
        List<NodeRef> route = done.route();
        w.result.complete(new LookupResult(w.key, route.get(route.size() - 1), route, route.size() - 1,
                route.size() - 1, 2 * (route.size() - 1), scheduler.nowMillis() - w.startedAt));
    }
}
