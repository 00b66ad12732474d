package org.interlay.harness.sim;

import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.SimCluster;

/**
 * Issues lookups of random keys from random live nodes and grades each against the global view at the
 * moment it completes: correct when it ended at the node the view holds responsible.
 */
final class LookupProbe {
    private final SimCluster cluster;
    final Distribution hops = new Distribution();
    final Distribution rounds = new Distribution();
    final Distribution messages = new Distribution();
    final Distribution latency = new Distribution();
    int issued, correct, pairs, agreeingPairs;

    LookupProbe(SimCluster cluster) {
        this.cluster = cluster;
    }

    /** One lookup from a random live node; completes with the responsible node's id, or null on failure. */
    CompletableFuture<Key> lookupOnce(Key key) {
        OverlayNode from = cluster.randomLive();
        issued++;
        return from.lookup(key).handle((r, e) -> {
            if (e != null) return null;
            record(r);
            return r.responsible().id();
        });
    }

    /** Two lookups of one key from two random nodes at once: the pair agrees when both end at the same node. */
    CompletableFuture<Void> lookupPair(Key key) {
        CompletableFuture<Key> a = lookupOnce(key), b = lookupOnce(key);
        return a.thenAcceptBoth(b, (x, y) -> {
            pairs++;
            if (x != null && x.equals(y)) agreeingPairs++;
        });
    }

    private void record(LookupResult r) {
        if (r.responsible().id().equals(cluster.responsible(r.key()))) correct++;
        hops.add(r.hops());
        rounds.add(r.rounds());
        messages.add(r.messages());
        latency.add(r.latencyMillis());
    }

    double success() {
        return issued == 0 ? 1 : (double) correct / issued;
    }

    double consistency() {
        return pairs == 0 ? 1 : (double) agreeingPairs / pairs;
    }
}
