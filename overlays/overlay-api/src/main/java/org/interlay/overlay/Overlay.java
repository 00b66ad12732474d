package org.interlay.overlay;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.time.Clock;

/**
 * One node of a DHT overlay, whatever its algorithm. Every method may be called from any thread; the
 * futures complete on the node's scheduler thread, so callbacks must not block.
 *
 * <p>A node ends in one of two ways, each named: {@link #leave()} hands its records over and says
 * goodbye; {@link #halt()} stops it at once, as a crash would. It is not {@link AutoCloseable}, so no
 * try-with-resources block can crash a node by leaving its scope.
 */
public interface Overlay {
    /** The overlay's name, e.g. {@code chord}; the SIP domain it serves ({@code chord.lab}) is said by its adverts. */
    String name();

    /** The algorithm's name: chord, pastry, kademlia. */
    String algorithm();

    NodeRef self();

    /**
     * Creates the overlay when {@code bootstrap} is empty, else joins it through any of those peers;
     * fails with {@link JoinFailedException} when there was no one to join through.
     */
    CompletableFuture<Void> join(List<Address> bootstrap);

    /** Leaves gracefully: hands the records this node holds to the nodes that take them over, then stops. */
    CompletableFuture<Void> leave();

    /** Stores {@code record} on the node responsible for its key and that node's replicas. */
    CompletableFuture<Void> put(Record record);

    /** The live record under {@code key}, if any. */
    CompletableFuture<Optional<Record>> get(Key key);

    /** Removes the record under {@code key} everywhere it is held. */
    CompletableFuture<Void> remove(Key key);

    /** Finds the node responsible for {@code key}, and the route to it. */
    CompletableFuture<LookupResult> lookup(Key key);

    OverlayStats stats();

    /**
     * The clock this node counts record expiry on: a record put through this node should expire at
     * {@code clock().nowMillis() + ttl}.
     */
    Clock clock();

    /**
     * Stops at once, as a crash would: no hand-over, no goodbye; the records this node held survive
     * only as replicas. To go gracefully, {@link #leave()}.
     */
    void halt();
}
