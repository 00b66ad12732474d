package org.interlay.overlay.rpc;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.secure.FrameRefusal;
import org.interlay.overlay.secure.FrameRefusedException;
import org.interlay.overlay.secure.FrameSecurity;
import org.interlay.log.DropLog;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.overlay.transport.Transport;
import org.interlay.overlay.wire.Frame;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.FrameKind;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests and responses over a {@link Transport}: ids pair a response with its request, requests
 * are retransmitted with backoff until answered or given up, retransmitted requests get the cached
 * response instead of being handled twice. Everything runs on the node's {@link Scheduler} thread.
 *
 * <p>Datagrams that do not decode, or belong to another overlay, are counted and dropped; they never
 * reach a handler and never throw out of the receive path.
 *
 * <p>An endpoint is a peer's or a client's ({@link #forClient}). A client's requests go out as
 * {@link FrameKind#CLIENT_REQUEST}: a peer serves them only with the handlers registered by
 * {@link #onClientRequest}, and tells its {@link PeerObserver} nothing of their sender, so a client
 * never enters a routing table, never counts as a restarted peer and never takes a record.
 *
 * <p>In a secure overlay ({@link FrameSecurity}) every frame goes out sealed and comes in opened: a
 * frame refused there (unsigned, of a certificate this overlay's authority did not issue, of a node-id
 * other than its certificate's, badly signed or MACed, stale or replayed) is counted by reason and dropped
 * before anything else sees it: no handler, no {@link PeerObserver}, no incarnation.
 */
public final class RpcEndpoint {
    private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);
    private static final long DROP_SUMMARY_MILLIS = 10_000;

    private final Transport transport;
    private final Scheduler scheduler;
    private final FrameCodec codec;
    private final int overlayId;
    private final NodeRef self;
    private final RpcConfig config;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Integer, Handler<?>> handlers = new HashMap<>();
    /** What a client may ask of this peer: nothing else is served to a client. */
    private final Map<Integer, Handler<?>> clientHandlers = new HashMap<>();
    /** True for a client's endpoint: its requests are client requests. */
    private final boolean client;
    /** Requests seen within the retransmission window, with their answer once sent (null while handled). */
    private final LinkedHashMap<RequestId, Answer> answered = new LinkedHashMap<>();
    private final DropLog malformed;
    private final DropLog foreign;
    private final DropLog refused;
    /** Signs and checks frames in a secure overlay; null in an open one. */
    private final FrameSecurity security;
    private PeerObserver observer = new PeerObserver() {
        @Override
        public void heard(NodeRef peer) { }

        @Override
        public void unresponsive(Address peer) { }
    };
    private long nextRpcId;
    /** How many peers' incarnations a node remembers. */
    static final int MAX_INCARNATIONS = 4096;
    /** This node's incarnation, sent in every frame (see {@link Frame}). */
    private final long incarnation;
    /**
     * The incarnation each peer last spoke with, by id; the peers heard from least recently are
     * forgotten beyond {@link #MAX_INCARNATIONS}, so strangers' frames cannot grow it without bound
     * (a forgotten peer that restarts is simply not noticed as restarted).
     */
    private final Map<Key, Long> incarnations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > MAX_INCARNATIONS;
        }
    };
    private boolean closed;
    private long sent, received, retransmissions, timeouts, handlerErrors, clientRequests;

    /** A peer's endpoint. */
    public RpcEndpoint(Transport transport, Scheduler scheduler, FrameCodec codec, int overlayId, NodeRef self,
                       RpcConfig config, Random random) {
        this(transport, scheduler, codec, overlayId, self, config, random, false, null);
    }

    /** A peer's endpoint; with {@code security}, of a secure overlay (null: open). */
    public RpcEndpoint(Transport transport, Scheduler scheduler, FrameCodec codec, int overlayId, NodeRef self,
                       RpcConfig config, Random random, FrameSecurity security) {
        this(transport, scheduler, codec, overlayId, self, config, random, false, security);
    }

    /** A client's endpoint: every request it sends is a {@link FrameKind#CLIENT_REQUEST}. */
    public static RpcEndpoint forClient(Transport transport, Scheduler scheduler, FrameCodec codec, int overlayId,
                                        NodeRef self, RpcConfig config, Random random) {
        return new RpcEndpoint(transport, scheduler, codec, overlayId, self, config, random, true, null);
    }

    /** A client's endpoint; with {@code security}, of a secure overlay (null: open). */
    public static RpcEndpoint forClient(Transport transport, Scheduler scheduler, FrameCodec codec, int overlayId,
                                        NodeRef self, RpcConfig config, Random random, FrameSecurity security) {
        return new RpcEndpoint(transport, scheduler, codec, overlayId, self, config, random, true, security);
    }

    private RpcEndpoint(Transport transport, Scheduler scheduler, FrameCodec codec, int overlayId, NodeRef self,
                        RpcConfig config, Random random, boolean client, FrameSecurity security) {
        this.client = client;
        this.security = security;
        this.refused = new DropLog(log, "refused frames", scheduler, DROP_SUMMARY_MILLIS);
        this.transport = transport;
        this.scheduler = scheduler;
        this.malformed = new DropLog(log, "malformed datagrams", scheduler, DROP_SUMMARY_MILLIS);
        this.foreign = new DropLog(log, "datagrams of another overlay", scheduler, DROP_SUMMARY_MILLIS);
        this.codec = codec.register(ErrorReply.TYPE);
        this.overlayId = overlayId;
        this.self = self;
        this.config = config;
        this.nextRpcId = random.nextLong() & Long.MAX_VALUE;
        // One draw serves as the first rpc id and the incarnation: both only need to differ from one start
        // to the next, and a seeded simulation draws the same numbers as before the incarnation existed.
        this.incarnation = nextRpcId;
        transport.setHandler(this::onDatagram);
    }

    public NodeRef self() {
        return self;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public void setObserver(PeerObserver observer) {
        this.observer = observer;
    }

    /**
     * Answers requests of {@code type} with responses of {@code responseType}. Registers both types
     * with the codec: every node runs the same handlers, so the node that sends such a request can
     * read the response.
     */
    public <Q extends Message, R extends Message> void onRequest(MessageType<Q> type, MessageType<R> responseType,
                                                                 RequestHandler<Q, R> handler) {
        codec.register(type);
        codec.register(responseType);
        handlers.put(type.code(), new Handler<>(handler, null));
    }

    /**
     * Answers client requests of {@code type}: the only requests a client can have served here. Their
     * sender is not a peer and is told to no {@link PeerObserver}.
     */
    public <Q extends Message, R extends Message> void onClientRequest(MessageType<Q> type, MessageType<R> responseType,
                                                                       RequestHandler<Q, R> handler) {
        codec.register(type);
        codec.register(responseType);
        clientHandlers.put(type.code(), new Handler<>(handler, null));
    }

    /** Takes one-way messages of this type. Registers the type with the codec. */
    public <M extends Message> void onOneway(MessageType<M> type, OnewayHandler<M> handler) {
        codec.register(type);
        handlers.put(type.code(), new Handler<>(null, handler));
    }

    /**
     * Sends {@code request} to {@code to}; completes with the response, or exceptionally with
     * {@link RpcTimeoutException} or {@link RemoteErrorException}. Completes on the scheduler thread.
     */
    public CompletableFuture<Message> request(Address to, Message request) {
        CompletableFuture<Message> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("endpoint closed"));
            return result;
        }
        long id = nextRpcId++;
        FrameKind kind = client ? FrameKind.CLIENT_REQUEST : FrameKind.REQUEST;
        byte[] bytes = codec.encode(new Frame(overlayId, kind, id, self, incarnation, request));
        Pending p = new Pending(to, bytes, request, result);
        pending.put(id, p);
        transmit(id, p, config.initialTimeoutMillis());
        return result;
    }

    /** Typed form of {@link #request}: fails with {@link RemoteErrorException} if the answer is of another kind. */
    public <R extends Message> CompletableFuture<R> request(Address to, Message request, Class<R> responseClass) {
        return request(to, request).thenApply(m -> {
            if (!responseClass.isInstance(m)) {
                throw new RemoteErrorException(to + " answered " + codec.typeName(m.type()) + " where "
                        + responseClass.getSimpleName() + " was expected");
            }
            return responseClass.cast(m);
        });
    }

    public void send(Address to, Message message) {
        if (closed) return;
        transport.send(to, sealed(codec.encode(new Frame(overlayId, FrameKind.ONEWAY, 0, self, incarnation, message)), to, false));
        sent++;
    }

    /** The datagram for an encoded frame: itself in an open overlay, sealed in a secure one. */
    private byte[] sealed(byte[] frame, Address to, boolean fullCertificate) {
        return security == null ? frame : security.seal(frame, to, fullCertificate);
    }

    private void transmit(long id, Pending p, long timeoutMillis) {
        // sealed anew each time: a copy of the same sealed bytes would be a replay; a retry carries the certificate
        transport.send(p.to, sealed(p.bytes, p.to, p.attempts > 0));
        sent++;
        p.attempts++;
        p.timer = scheduler.schedule(timeoutMillis, () -> onTimeout(id, p, timeoutMillis));
    }

    private void onTimeout(long id, Pending p, long lastTimeout) {
        if (pending.get(id) != p) return;
        if (p.attempts < config.maxAttempts()) {
            retransmissions++;
            transmit(id, p, (long) (lastTimeout * config.backoff()));
            return;
        }
        pending.remove(id);
        timeouts++;
        if (security != null) security.forgottenBy(p.to);
        observer.unresponsive(p.to);
        p.result.completeExceptionally(new RpcTimeoutException(p.to, codec.typeName(p.request.type())));
    }

    private void onDatagram(Address from, byte[] data, int offset, int length) {
        if (closed) return;
        Frame frame;
        try {
            frame = security == null ? codec.decode(data, offset, length) : security.open(from, data, offset, length, codec);
        } catch (WireFormatException e) {
            malformed.drop(from, e.getMessage());
            return;
        } catch (FrameRefusedException e) {
            refused.drop(e.reason().label(), from, e.getMessage());
            return;
        }
        if (frame.overlayId() != overlayId) {
            foreign.drop(from, "overlay id " + Integer.toHexString(frame.overlayId()));
            return;
        }
        received++;
        NodeRef sender = new NodeRef(frame.sender().id(), from);
        if (frame.kind() == FrameKind.CLIENT_REQUEST) {
            onRequestFrame(sender, frame, clientHandlers);
            return;
        }
        if (!sender.id().equals(self.id())) {
            Long before = incarnations.put(sender.id(), frame.incarnation());
            if (before != null && before != frame.incarnation()) {
                if (security != null) security.forgottenBy(sender.address());
                observer.restarted(sender);
            }
            observer.heard(sender);
        }
        switch (frame.kind()) {
            case RESPONSE -> onResponse(frame);
            case REQUEST -> onRequestFrame(sender, frame, handlers);
            case ONEWAY -> onOnewayFrame(sender, frame);
            case CLIENT_REQUEST -> throw new IllegalStateException("served above");
        }
    }

    private void onResponse(Frame frame) {
        Pending p = pending.remove(frame.rpcId());
        if (p == null) return; // late duplicate of an answered or abandoned request
        p.timer.cancel();
        if (frame.message() instanceof ErrorReply error) {
            p.result.completeExceptionally(new RemoteErrorException(p.to + ": " + error.reason()));
        } else {
            p.result.complete(frame.message());
        }
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> void onRequestFrame(NodeRef sender, Frame frame, Map<Integer, Handler<?>> served) {
        RequestId rid = new RequestId(sender.address(), frame.rpcId());
        forgetOldAnswers();
        Answer seen = answered.get(rid);
        if (seen != null) {
            if (seen.bytes != null) {
                transport.send(sender.address(), sealed(seen.bytes, sender.address(), true));
                sent++;
            }
            return; // no bytes yet: still being handled; the answer goes out when ready
        }
        Handler<M> h = (Handler<M>) served.get(frame.message().type());
        if (h == null || h.request == null) {
            malformed.drop(sender, codec.typeName(frame.message().type())
                    + (served == clientHandlers ? " is not a client request here" : " is not a request here"));
            return;
        }
        if (served == clientHandlers) clientRequests++;
        answered.put(rid, new Answer(scheduler.nowMillis()));
        CompletionStage<? extends Message> answer;
        try {
            answer = h.request.handle(sender, (M) frame.message());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> {
            Message reply = response;
            if (error != null) {
                handlerErrors++;
                reply = new ErrorReply(describe(error));
            }
            byte[] bytes = codec.encode(new Frame(overlayId, FrameKind.RESPONSE, frame.rpcId(), self, incarnation, reply));
            if (closed) return;
            if (scheduler.inSchedulerThread()) {
                respond(rid, bytes);
            } else {
                scheduler.execute(() -> respond(rid, bytes));
            }
        });
    }

    private void respond(RequestId rid, byte[] bytes) {
        Answer a = answered.get(rid);
        if (a != null) a.bytes = bytes;
        transport.send(rid.from(), sealed(bytes, rid.from(), false));
        sent++;
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> void onOnewayFrame(NodeRef sender, Frame frame) {
        Handler<M> h = (Handler<M>) handlers.get(frame.message().type());
        if (h == null || h.oneway == null) {
            malformed.drop(sender, codec.typeName(frame.message().type()) + " is not one-way here");
            return;
        }
        h.oneway.handle(sender, (M) frame.message());
    }

    /** Stops sending and fails every request in flight. */
    public void close() {
        closed = true;
        for (Pending p : pending.values()) {
            p.timer.cancel();
            p.result.completeExceptionally(new IllegalStateException("endpoint closed"));
        }
        pending.clear();
        transport.close();
    }

    public RpcStats stats() {
        Map<String, Long> refusedBy = new java.util.TreeMap<>();
        for (FrameRefusal r : FrameRefusal.values()) {
            long n = refused.count(r.label());
            if (n > 0) refusedBy.put(r.label(), n);
        }
        return new RpcStats(sent, received, retransmissions, timeouts, malformed.count(), foreign.count(),
                handlerErrors, pending.size(), clientRequests, refused.count(), Map.copyOf(refusedBy));
    }

    /** A retransmitted request arrives within the sender's give-up time; older entries are of no use. */
    private void forgetOldAnswers() {
        long horizon = scheduler.nowMillis() - config.totalTimeoutMillis();
        var it = answered.values().iterator();
        while (it.hasNext()) {
            Answer a = it.next();
            if (a.at >= horizon) break;
            it.remove();
        }
    }

    private record RequestId(Address from, long rpcId) {}

    private static final class Answer {
        final long at;
        byte[] bytes;

        Answer(long at) {
            this.at = at;
        }
    }

    private record Handler<M extends Message>(RequestHandler<M, ?> request, OnewayHandler<M> oneway) {}

    private static final class Pending {
        final Address to;
        final byte[] bytes;
        final Message request;
        final CompletableFuture<Message> result;
        int attempts;
        Timer timer;

        Pending(Address to, byte[] bytes, Message request, CompletableFuture<Message> result) {
            this.to = to;
            this.bytes = bytes;
            this.request = request;
            this.result = result;
        }
    }
}
