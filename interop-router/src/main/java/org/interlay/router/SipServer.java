package org.interlay.router;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sip.message.Response;
import org.interlay.router.proxy.ForwardedRequests;
import org.interlay.router.proxy.LoopGuard;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.proxy.StatelessResponses;
import org.interlay.router.sip.HandlerChain;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipDispatcher;
import org.interlay.router.sip.SipEndpoint;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipStartException;
import org.interlay.router.sip.TransactionSender;

/**
 * What every SIP element here is made of: an endpoint, a timer thread, the sender of requests, and
 * the handler chain, which is installed once the endpoint is bound (the chain needs its address).
 * Requests arriving before that get 503.
 */
final class SipServer implements AutoCloseable {
    private final SipEndpoint endpoint;
    private final ScheduledExecutorService timers;
    private final AtomicReference<Consumer<ServerExchange>> chain;
    private final TransactionSender sender;
    private final SelfAddress self;
    private final ForwardedRequests copies;

    private SipServer(SipEndpoint endpoint, ScheduledExecutorService timers,
                      AtomicReference<Consumer<ServerExchange>> chain) {
        this.endpoint = endpoint;
        this.timers = timers;
        this.chain = chain;
        this.sender = new TransactionSender(endpoint.provider());
        this.self = SelfAddress.of(endpoint.localAddress());
        this.copies = new ForwardedRequests(self);
    }

    static SipServer open(SipEndpointConfig config) throws SipStartException {
        AtomicReference<Consumer<ServerExchange>> chain =
                new AtomicReference<>(exchange -> exchange.respond(Response.SERVICE_UNAVAILABLE, "Starting"));
        AtomicReference<Consumer<Response>> strays = new AtomicReference<>(response -> { });
        SipEndpoint endpoint = SipEndpoint.open(config, new SipDispatcher(
                exchange -> chain.get().accept(exchange), response -> strays.get().accept(response)));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-timers-" + config.name());
            t.setDaemon(true);
            return t;
        });
        SipServer server = new SipServer(endpoint, timers, chain);
        strays.set(new StatelessResponses(server.self, endpoint.provider()));
        return server;
    }

    /** Installs the handler chain; requests go through it from now on. */
    void serve(List<SipHandler> handlers, List<String> allowed) {
        chain.set(new HandlerChain(handlers, allowed));
    }

    SipEndpoint endpoint() {
        return endpoint;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    TransactionSender sender() {
        return sender;
    }

    SelfAddress self() {
        return self;
    }

    ForwardedRequests copies() {
        return copies;
    }

    LoopGuard loopGuard() {
        return new LoopGuard(copies);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        endpoint.close();
    }
}
