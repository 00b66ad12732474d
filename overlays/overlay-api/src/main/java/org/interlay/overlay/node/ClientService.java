package org.interlay.overlay.node;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.node.msg.ClientDone;
import org.interlay.overlay.node.msg.ClientGet;
import org.interlay.overlay.node.msg.ClientHello;
import org.interlay.overlay.node.msg.ClientLookup;
import org.interlay.overlay.node.msg.ClientLookupReply;
import org.interlay.overlay.node.msg.ClientPut;
import org.interlay.overlay.node.msg.ClientRemove;
import org.interlay.overlay.node.msg.ClientWelcome;
import org.interlay.overlay.node.msg.FetchReply;
import org.interlay.overlay.node.msg.RecordCopy;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.time.Scheduler;

/**
 * What a peer does for the clients that reach the overlay through it (the P2PSIP client role): it
 * runs their lookups, gets, puts and removals as its own and answers with the outcome. A client's
 * request is one operation of the peer's, never more (a retransmission is answered from the RPC
 * layer's cache, not run again), and at most {@link #MAX_IN_FLIGHT} run at once: beyond that a
 * client is answered "busy" at once, and counted.
 *
 * <p>The client itself is nobody to the overlay: its requests come as client requests, whose sender
 * the RPC layer tells no routing table (see {@link RpcEndpoint#onClientRequest}).
 */
final class ClientService {
    static final int MAX_IN_FLIGHT = 32;

    private final Overlay node;
    private final Scheduler scheduler;
    private int inFlight;
    private long refused;

    ClientService(Overlay node, Scheduler scheduler) {
        this.node = node;
        this.scheduler = scheduler;
    }

    void register(RpcEndpoint rpc) {
        rpc.onClientRequest(ClientHello.TYPE, ClientWelcome.TYPE,
                (from, h) -> CompletableFuture.completedFuture(new ClientWelcome(node.self(), node.algorithm())));
        rpc.onClientRequest(ClientLookup.TYPE, ClientLookupReply.TYPE,
                (from, q) -> bounded(() -> node.lookup(q.key()).thenApply(ClientLookupReply::new)));
        rpc.onClientRequest(ClientGet.TYPE, FetchReply.TYPE, (from, q) -> bounded(() -> node.get(q.key())
                .thenApply(r -> new FetchReply(r.map(found -> RecordCopy.of(found, scheduler.nowMillis()))))));
        rpc.onClientRequest(ClientPut.TYPE, ClientDone.TYPE, (from, q) -> bounded(() -> node.put(q.record()
                .at(scheduler.nowMillis())).thenApply(v -> new ClientDone())));
        rpc.onClientRequest(ClientRemove.TYPE, ClientDone.TYPE,
                (from, q) -> bounded(() -> node.remove(q.key()).thenApply(v -> new ClientDone())));
    }

    private <R> CompletableFuture<R> bounded(Supplier<CompletableFuture<R>> operation) {
        if (inFlight >= MAX_IN_FLIGHT) {
            refused++;
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "busy: " + MAX_IN_FLIGHT + " client requests in progress here, try again or another peer"));
        }
        inFlight++;
        return operation.get().whenComplete((r, e) -> inFlight--);
    }

    /** Client requests answered "busy". */
    long refused() {
        return refused;
    }
}
