package org.interlay.router;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
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
import org.interlay.time.EventLoop;
import org.interlay.time.Scheduler;
import org.interlay.time.StoppableScheduler;
import org.interlay.time.WallClock;
import org.slf4j.LoggerFactory;

/**
 * What every SIP element here is made of: an endpoint, the scheduler of its timers with the wall
 * clock read from it, the sender of requests, and the handler chain, which is installed once the
 * endpoint is bound (the chain needs its address). Requests arriving before that get 503. Opened
 * without a scheduler, it makes its own (an {@link EventLoop}: one timer thread) and stops it on close;
 * on a scheduler it is given, its timers stop running when it closes.
 */
final class SipServer implements AutoCloseable {
    private static final long IDENTITY_LOG_MILLIS = 10_000;
    private final SipEndpoint endpoint;
    private final Scheduler timers;
    private final InstantSource wall;
    private final Runnable stopTimers;
    private final AtomicReference<Consumer<ServerExchange>> chain;
    private final TransactionSender sender;
    private final SelfAddress self;
    private final ForwardedRequests copies;
    private final DropLog identityRefusals;

    private SipServer(SipEndpoint endpoint, StoppableScheduler timers, Runnable stopTimers,
                      AtomicReference<Consumer<ServerExchange>> chain) {
        this.endpoint = endpoint;
        this.timers = timers;
        this.wall = WallClock.system(timers);
        this.stopTimers = () -> {
            timers.stop();
            stopTimers.run();
        };
        this.chain = chain;
        this.sender = new TransactionSender(endpoint.provider());
        this.self = new SelfAddress(endpoint.localAddress().getAddress().getHostAddress(), endpoint.localAddress().getPort(),
                endpoint.tlsAddress().map(InetSocketAddress::getPort).orElse(0));
        this.copies = new ForwardedRequests(self);
        this.identityRefusals = new DropLog(LoggerFactory.getLogger("org.interlay.router.identity"),
                "SIP identities not believed at " + endpoint.name(), timers, IDENTITY_LOG_MILLIS);
    }

    /** Opens a server with a timer thread of its own. */
    static SipServer open(SipEndpointConfig config) throws SipStartException {
        EventLoop timers = new EventLoop("sip-timers-" + config.name());
        try {
            return open(config, timers, timers::close);
        } catch (SipStartException | RuntimeException e) {
            timers.close();
            throw e;
        }
    }

    /** Opens a server whose timers run on {@code timers}, which stays the caller's. */
    static SipServer open(SipEndpointConfig config, Scheduler timers) throws SipStartException {
        return open(config, timers, () -> { });
    }

    private static SipServer open(SipEndpointConfig config, Scheduler timers, Runnable stopTimers)
            throws SipStartException {
        AtomicReference<Consumer<ServerExchange>> chain =
                new AtomicReference<>(exchange -> exchange.respond(Response.SERVICE_UNAVAILABLE, "Starting"));
        AtomicReference<Consumer<Response>> strays = new AtomicReference<>(response -> { });
        SipEndpoint endpoint = SipEndpoint.open(config, new SipDispatcher(
                exchange -> chain.get().accept(exchange), response -> strays.get().accept(response)), timers);
        SipServer server = new SipServer(endpoint, new StoppableScheduler(timers), stopTimers, chain);
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

    Scheduler timers() {
        return timers;
    }

    /** The wall clock for times written into records, moving with {@link #timers()}. */
    InstantSource wall() {
        return wall;
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

    /** P-Asserted-Identity removed or refused, and requests refused for want of an asserted identity. */
    DropLog identityRefusals() {
        return identityRefusals;
    }

    LoopGuard loopGuard() {
        return new LoopGuard(copies);
    }

    @Override
    public void close() {
        endpoint.close();
        stopTimers.run();
    }
}
