package org.interlay.harness.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.time.Timer;

/**
 * Continual churn: every node lives for an exponentially distributed session, then fails without
 * notice, and a fresh node joins in its place, so the population stays at its size (the model of
 * Rhea et al., "Handling Churn in a DHT", USENIX 2004). The fresh node has a new id, or, with ids reused,
 * the id and address of the one it replaces and an empty store, as a peer restarted in place.
 */
final class Churn {
    private final SimCluster cluster;
    private final double meanSessionMillis;
    private final Random random;
    private final boolean reuseIds;
    private final Map<OverlayNode, Timer> sessions = new HashMap<>();
    private boolean running;
    int departures;

    Churn(SimCluster cluster, long meanSessionMillis, long seed, boolean reuseIds) {
        this.cluster = cluster;
        this.reuseIds = reuseIds;
        this.meanSessionMillis = meanSessionMillis;
        this.random = new Random(seed);
    }

    void start() {
        running = true;
        for (OverlayNode n : cluster.live()) beginSession(n);
    }

    void stop() {
        running = false;
        sessions.values().forEach(Timer::cancel);
        sessions.clear();
    }

    private void beginSession(OverlayNode node) {
        long length = Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * meanSessionMillis));
        sessions.put(node, cluster.scheduler().schedule(length, () -> end(node)));
    }

    private void end(OverlayNode node) {
        sessions.remove(node);
        if (!running || node.isStopped()) return;
        departures++;
        cluster.crash(node);
        replace(node);
    }

    /** A fresh node joins; if its join fails (its bootstrap died meanwhile), another one tries. */
    private void replace(OverlayNode departed) {
        (reuseIds ? cluster.restart(departed) : cluster.join()).whenComplete((fresh, e) -> {
            if (!running) return;
            if (e != null) replace(departed); else beginSession(fresh);
        });
    }
}
