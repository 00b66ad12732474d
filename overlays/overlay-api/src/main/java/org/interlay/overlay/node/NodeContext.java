package org.interlay.overlay.node;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;

/** What the shared node offers the routing algorithm it hosts. */
public interface NodeContext {
    NodeRef self();

    NodeConfig config();

    Scheduler scheduler();

    /** This node's own seeded source of randomness. */
    Random random();

    /** For the algorithm's own messages: register handlers and send requests. */
    RpcEndpoint rpc();

    /** A full lookup of the node responsible for {@code key} by the shared driver (Chord's fix_fingers). */
    CompletableFuture<LookupResult> lookup(Key key);

    /**
     * An iterative node lookup that ends only when the closest nodes heard of (as many as the lookup
     * style's result size) have all answered, and completes with them, closest first (Kademlia's bucket
     * refresh). For algorithms whose lookups need resolution, the responsible node alone.
     */
    CompletableFuture<List<NodeRef>> closestNodes(Key key);

    /** Asks one node for its routing decision for {@code key} (one step of an iterative lookup). */
    CompletableFuture<RouteStep> askRoute(NodeRef node, Key key);

    /** The algorithm's view of who is responsible for what changed: records may have to move. */
    void neighboursChanged();
}
