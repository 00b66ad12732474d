package org.interlay.overlay.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.interlay.overlay.Address;
import org.interlay.overlay.JoinFailedException;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.OverlayStats;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
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
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.overlay.rpc.RpcTimeoutException;
import org.interlay.overlay.secure.FrameSecurity;
import org.interlay.overlay.transport.Transport;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.Message;
import org.interlay.time.Clock;
import org.interlay.time.OnScheduler;
import org.interlay.time.Scheduler;

/**
 * A client of an overlay, the role P2PSIP gives a short-lived process (the shell, a one-off lookup):
 * it stores nothing, routes nothing and runs no DHT algorithm. It reaches the overlay through one
 * peer, which runs its lookups, gets, puts and removals and answers with the outcome; the overlay
 * never learns of it (its requests are client requests, see {@link RpcEndpoint#forClient}), so it
 * enters no routing table and no record ever moves to it or away from it.
 *
 * <p>{@link #join} picks a peer among those given, in a random order, the first that answers a
 * hello. When that peer stops answering a request, the client moves to another (the rest of the
 * list, then those {@code morePeers} names, e.g. from discovery) and sends the request there; a
 * request is tried on at most {@link #PEERS_PER_REQUEST} peers. {@link #leave} and {@link #halt}
 * just stop: there is nothing to hand over.
 *
 * <p>Its requests wait longer for an answer than a peer's do ({@link #patient}): the peer answers
 * only once its own lookup is done, which can take a peer's request timeout or two when a node on
 * the way has died.
 */
public final class OverlayClient implements Overlay {
    /** Peers a request is sent to at most: its peer, and up to two others should that one be dead. */
    public static final int PEERS_PER_REQUEST = 3;

    private final NodeConfig config;
    private final Scheduler scheduler;
    private final NodeRef self;
    private final RpcEndpoint rpc;
    private final EntryPeers entries;
    private Address peer;
    private String algorithm = "unknown";
    private long lookups, lookupFailures, moves;
    private boolean stopped;

    /**
     * @param morePeers where to find peers beyond those given to {@link #join} once those have failed
     *                  (discovery's current view of the overlay); called on the scheduler thread
     */
    public OverlayClient(NodeConfig config, Key id, Transport transport, Scheduler scheduler, Random random,
                         Supplier<List<Address>> morePeers) {
        this(config, id, transport, scheduler, random, morePeers, org.interlay.time.WallClock.system(scheduler));
    }

    /**
     * In a secure overlay ({@code config.secure()}) the client signs its requests with the certificate
     * given there (peers take a client's request signed by any certificate of their authority) and takes
     * only answers signed by enrolled nodes, checked as a peer checks frames ({@link FrameSecurity}).
     *
     * @param wallClock the time its frames are stamped with and checked against
     */
    public OverlayClient(NodeConfig config, Key id, Transport transport, Scheduler scheduler, Random random,
                         Supplier<List<Address>> morePeers, java.time.InstantSource wallClock) {
        this.config = config;
        this.scheduler = scheduler;
        this.self = new NodeRef(id, transport.localAddress());
        FrameCodec codec = new FrameCodec().register(ClientHello.TYPE).register(ClientWelcome.TYPE)
                .register(ClientLookup.TYPE).register(ClientLookupReply.TYPE).register(ClientGet.TYPE)
                .register(FetchReply.TYPE).register(ClientPut.TYPE).register(ClientRemove.TYPE).register(ClientDone.TYPE);
        this.rpc = RpcEndpoint.forClient(transport, scheduler, codec, config.overlayId(), self, patient(config.rpc()),
                random, config.secure().map(t -> FrameSecurity.of(t, config.overlayName(), wallClock)).orElse(null));
        this.entries = new EntryPeers(morePeers, random);
    }

    /** A peer's settings with one send more, so a client waits about twice as long as a peer before giving up. */
    static RpcConfig patient(RpcConfig peers) {
        return new RpcConfig(peers.initialTimeoutMillis(), peers.maxAttempts() + 1, peers.backoff());
    }

    @Override
    public String name() {
        return config.overlayName();
    }

    /** The algorithm the overlay runs, as its peer said; {@code unknown} before {@link #join}. */
    @Override
    public String algorithm() {
        return algorithm;
    }

    /** The client's own id and address: what it sends from; no peer keeps it. */
    @Override
    public NodeRef self() {
        return self;
    }

    /** The peer it goes through, once joined. */
    public Optional<Address> peer() {
        return onLoop(() -> CompletableFuture.completedFuture(Optional.ofNullable(peer))).join();
    }

    /** Picks a peer among {@code bootstrap}: the first, in a random order, that answers. */
    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        return onLoop(() -> {
            if (bootstrap.isEmpty()) {
                return CompletableFuture.failedFuture(new JoinFailedException(
                        "a client cannot create overlay " + name() + ": it needs a peer to go through"));
            }
            entries.offer(bootstrap);
            return hello(bootstrap.size());
        });
    }

    private CompletableFuture<Void> hello(int triesLeft) {
        Optional<Address> next = entries.next();
        if (next.isEmpty() || triesLeft == 0) {
            return CompletableFuture.failedFuture(new JoinFailedException("no peer of overlay " + name() + " answered"));
        }
        Address candidate = next.get();
        return rpc.request(candidate, new ClientHello(), ClientWelcome.class)
                .thenAccept(welcome -> {
                    peer = candidate;
                    algorithm = welcome.algorithm();
                })
                .exceptionallyCompose(e -> {
                    if (!(unwrap(e) instanceof RpcTimeoutException)) return CompletableFuture.failedFuture(e);
                    entries.failed(candidate);
                    return hello(triesLeft - 1);
                });
    }

    /**
     * Asks its peer whether it is there; should it not answer, moves to another peer as any request
     * does. Completes with the peer that answered.
     */
    public CompletableFuture<NodeRef> checkPeer() {
        return ask(ClientHello::new, ClientWelcome.class).thenApply(ClientWelcome::peer);
    }

    @Override
    public CompletableFuture<Void> leave() {
        halt();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> put(Record record) {
        return ask(() -> new ClientPut(RecordCopy.of(record, scheduler.nowMillis())), ClientDone.class)
                .thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Optional<Record>> get(Key key) {
        return ask(() -> new ClientGet(key), FetchReply.class)
                .thenApply(reply -> reply.record().map(copy -> copy.at(scheduler.nowMillis())).filter(r -> !r.deleted()));
    }

    @Override
    public CompletableFuture<Void> remove(Key key) {
        return ask(() -> new ClientRemove(key), ClientDone.class).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<LookupResult> lookup(Key key) {
        return onLoop(() -> {
            lookups++;
            return ask(() -> new ClientLookup(key), ClientLookupReply.class)
                    .thenApply(ClientLookupReply::result)
                    .whenComplete((r, e) -> {
                        if (e != null) lookupFailures++;
                    });
        });
    }

    /** Sends the request to the peer; should it not answer, to the next peer, up to {@link #PEERS_PER_REQUEST}. */
    private <R extends Message> CompletableFuture<R> ask(Supplier<Message> request, Class<R> answer) {
        return onLoop(() -> {
            if (peer == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        stopped ? "the client of " + name() + " has stopped" : "the client of " + name() + " has not joined"));
            }
            return askVia(peer, request.get(), answer, PEERS_PER_REQUEST - 1);
        });
    }

    private <R extends Message> CompletableFuture<R> askVia(Address to, Message request, Class<R> answer, int movesLeft) {
        return rpc.request(to, request, answer).exceptionallyCompose(e -> {
            if (!(unwrap(e) instanceof RpcTimeoutException) || stopped) return CompletableFuture.failedFuture(e);
            entries.failed(to);
            if (movesLeft == 0) return CompletableFuture.failedFuture(e);
            Optional<Address> next = entries.next();
            if (next.isEmpty()) {
                return CompletableFuture.failedFuture(new RpcTimeoutException(to,
                        request.getClass().getSimpleName() + " (and no other peer of " + name() + " to move to)"));
            }
            if (to.equals(peer)) {
                peer = next.get();
                moves++;
            }
            return askVia(next.get(), request, answer, movesLeft - 1);
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Times this client moved to another peer because its peer stopped answering. */
    public long moves() {
        return onLoop(() -> CompletableFuture.completedFuture(moves)).join();
    }

    @Override
    public OverlayStats stats() {
        return onLoop(() -> CompletableFuture.completedFuture(new OverlayStats(name(), algorithm, self, 0,
                Map.of("role", "client", "peer", peer == null ? "none" : peer.toString(), "moves", moves),
                rpc.stats(), lookups, lookupFailures))).join();
    }

    @Override
    public Clock clock() {
        return scheduler;
    }

    /** Stops: closes its socket; requests in flight fail. The overlay has nothing of it to forget. */
    @Override
    public void halt() {
        onLoop(() -> {
            if (!stopped) {
                stopped = true;
                peer = null;
                rpc.close();
            }
            return CompletableFuture.completedFuture(null);
        }).join();
    }

    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> action) {
        return OnScheduler.call(scheduler, action);
    }
}
