package org.interlay.overlay.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * One node's routing state and the protocols that keep it (Chord's fingers and stabilization,
 * Pastry's leaf set and routing table, Kademlia's k-buckets). The shared {@link OverlayNode} does the
 * rest: lookups, storage, replication, hand-over. All methods run on the node's scheduler thread.
 * What a simulator checks it by is apart, in {@link CheckableRouting}.
 */
public interface RoutingAlgorithm {
    /** Creates the overlay (no bootstrap) or joins through one of {@code bootstrap}; completes when routable. */
    CompletableFuture<Void> join(List<Address> bootstrap);

    /** Tells the neighbours this node is leaving (records were handed over already). */
    CompletableFuture<Void> leave();

    /** Cancels timers; the node is gone. */
    void stop();

    /** This node's routing decision for {@code key}. */
    RouteStep route(Key key);

    /** True when this node believes it is responsible for {@code key}. */
    boolean isResponsible(Key key);

    /**
     * The nodes, besides this one, that should hold copies of a record under {@code key} that this
     * node is responsible for, in the order they would take over; at most {@code count}.
     */
    List<NodeRef> replicaSet(Key key, int count);

    /**
     * The node this one believes responsible for {@code key}, if it knows: where replica maintenance
     * and a graceful leave hand a record that this node holds but is not responsible for. By default
     * the node {@link #route} resolves to; an algorithm whose route never resolves (Kademlia names the
     * closest nodes it knows and lets the asking node decide) says here which of them it would pick.
     */
    default Optional<NodeRef> knownResponsible(Key key) {
        return route(key) instanceof RouteStep.Resolved r ? Optional.of(r.responsible()) : Optional.empty();
    }

    /** A message arrived from {@code peer}: it is alive. */
    void heard(NodeRef peer);

    /** {@code peer} did not answer a request. */
    void unresponsive(Address peer);

    /** Sizes of the routing structures, for stats and the shell. */
    Map<String, Object> describe();
}
