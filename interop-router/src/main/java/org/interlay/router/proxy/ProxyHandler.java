package org.interlay.router.proxy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.RecordFormatException;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies the requests its {@link TargetFinder} claims: checks Max-Forwards and loops, asks the finder
 * where the request goes, forwards it through the {@link Relay} and sends back the outcome. When the
 * finder retries failed hops (a peer reaching another domain through a router), a hop that does not
 * answer in time is replaced by another as soon as the finder knows one ({@link HopFailover}), and
 * the request is answered by the end of the failover window whatever happens. A finder that cannot
 * reach its overlay gives 503 at once, unless it retries failed hops: then its overlay is taken to be
 * re-forming (a router is a peer of every overlay it bridges, so a router that dies takes a peer with
 * it) and the request waits for it as for a standby's takeover, asking again after each retry delay,
 * and gets 503 only when the takeover window ends. An unreadable record gives 500. Every 503 this proxy makes carries
 * Retry-After (the finder's, else the failover policy's).
 */
public final class ProxyHandler implements org.interlay.router.sip.SipHandler {
    private static final Logger log = LoggerFactory.getLogger(ProxyHandler.class);
    private static final int OVERLAY_RETRY_AFTER_SECONDS = 5;

    private final Set<String> methods;
    private final TargetFinder finder;
    private final Relay relay;
    private final LoopGuard guard;
    private final FailoverPolicy failover;
    private final Scheduler timers;

    public ProxyHandler(Set<String> methods, TargetFinder finder, Relay relay, LoopGuard guard, FailoverPolicy failover,
                        Scheduler timers) {
        this.methods = Set.copyOf(methods);
        this.finder = finder;
        this.relay = relay;
        this.guard = guard;
        this.failover = failover;
        this.timers = timers;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!methods.contains(request.getMethod()) || !finder.claims(request)) return false;
        int refusal = guard.refusal(request);
        if (refusal != 0) {
            exchange.respond(refusal);
            return true;
        }
        if (relay.stateful() && !exchange.enterTransaction()) return true;
        boolean failingOver = finder.retriesFailedHops() && relay.stateful();
        finder.find(request, Set.of()).whenComplete((routing, error) -> {
            if (error != null) {
                if (failingOver && !isUnreadableRecord(error)) {
                    // the overlay is re-forming (a router's peer died with it): ask again within the takeover window
                    log.debug("overlay unreachable while routing {}, asking again: {}", request.getRequestURI(), error.toString());
                    failover(exchange).startWaiting(HopFailover.OVERLAY_UNREACHABLE);
                } else {
                    refuseForError(exchange, error);
                }
            } else if (routing instanceof Routing.Refuse refuse) {
                refuse(exchange, refuse);
            } else if (routing instanceof Routing.NoHopYet wait) {
                if (failingOver) {
                    failover(exchange).startWaiting(wait.reason());
                } else {
                    refuse(exchange, new Routing.Refuse(Response.SERVICE_UNAVAILABLE, wait.reason(), failover.retryAfterSeconds()));
                }
            } else if (failingOver) {
                forwardWithFailover(exchange, ((Routing.Forward) routing).targets());
            } else {
                forward(exchange, ((Routing.Forward) routing).targets());
            }
        });
        return true;
    }

    /** One attempt: to the targets the finder named, answered with the outcome. */
    private void forward(ServerExchange exchange, List<Target> targets) {
        Request request = exchange.request();
        relay.forward(request, targets, 0, FailoverPolicy.TIMER_F).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.debug("cannot forward {}: {}", request.getMethod(), failure.toString());
                refuse(exchange, new Routing.Refuse(Response.SERVICE_UNAVAILABLE, "Cannot forward", failover.retryAfterSeconds()));
            } else if (outcome.response() != null) {
                sendBack(exchange, outcome.response());
            }
        });
    }

    /** Attempts through hops that may be down, each answered or replaced by another (see {@link HopFailover}). */
    private void forwardWithFailover(ServerExchange exchange, List<Target> first) {
        failover(exchange).start(first);
    }

    private HopFailover failover(ServerExchange exchange) {
        return new HopFailover(exchange.request(), finder, relay, failover, timers, response -> sendBack(exchange, response),
                refuse -> refuse(exchange, refuse));
    }

    /** Relays a response upstream: without this proxy's Via; a 503 becomes 500 (RFC 3261 section 16.7 step 6). */
    private static void sendBack(ServerExchange exchange, Response response) {
        if (response.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
            exchange.respond(Response.SERVER_INTERNAL_ERROR, "Next hop unavailable");
            return;
        }
        Response out = (Response) response.clone();
        out.removeFirst(ViaHeader.NAME);
        exchange.send(out);
    }

    private void refuse(ServerExchange exchange, Routing.Refuse refuse) {
        Response response = exchange.response(refuse.status());
        try {
            response.setReasonPhrase(refuse.reason());
            int retryAfter = refuse.retryAfterSeconds() > 0 || refuse.status() != Response.SERVICE_UNAVAILABLE
                    ? refuse.retryAfterSeconds() : failover.retryAfterSeconds();
            if (retryAfter > 0) {
                response.setHeader(SipFactories.get().headers().createRetryAfterHeader(retryAfter));
            }
        } catch (java.text.ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("bad refusal " + refuse, e);
        }
        exchange.send(response);
    }

    private static boolean isUnreadableRecord(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RecordFormatException;
    }

    private void refuseForError(ServerExchange exchange, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RecordFormatException) {
            log.info("unreadable record while routing {}: {}", exchange.request().getRequestURI(), cause.getMessage());
            refuse(exchange, new Routing.Refuse(Response.SERVER_INTERNAL_ERROR, "Unreadable location record"));
        } else {
            log.debug("overlay unreachable while routing {}: {}", exchange.request().getRequestURI(), cause.toString());
            refuse(exchange, new Routing.Refuse(Response.SERVICE_UNAVAILABLE, HopFailover.OVERLAY_UNREACHABLE,
                    OVERLAY_RETRY_AFTER_SECONDS));
        }
    }
}
