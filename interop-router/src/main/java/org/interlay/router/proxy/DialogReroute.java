package org.interlay.router.proxy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.ServerExchange;
import org.interlay.time.Scheduler;

/**
 * What a peer's agent does with a request inside a call whose router died: the Route naming the dead
 * router is dropped and the request goes through the router that bridges the callee's domain now (the
 * domain of the To URI, as the {@code bridges} finder reads it from the overlay), with the
 * Request-URI (the far end's contact) unchanged; that router forwards it there. The bridge record
 * names the dead router until a standby takes the bridge over, so the finder is asked again every
 * retry delay until the failover window ends; then the answer is 503 No router answers. Only requests
 * that pass through an agent can be saved this way: a phone whose first hop is the dead router itself
 * (the callee of a call across overlays) sees its requests time out.
 */
public final class DialogReroute {
    private final TargetFinder bridges;
    private final StatefulRelay relay;
    private final FailoverPolicy policy;
    private final Scheduler timers;

    public DialogReroute(TargetFinder bridges, StatefulRelay relay, FailoverPolicy policy, Scheduler timers) {
        this.bridges = bridges;
        this.relay = relay;
        this.policy = policy;
        this.timers = timers;
    }

    /** How long the next router is waited for before it is taken for dead. */
    Duration hopPatience() {
        return policy.hopPatience();
    }

    /**
     * Reroutes {@code exchange}'s request, whose next hop {@code deadHop} did not answer; the
     * response that comes is given to {@code relayBack}.
     */
    void start(ServerExchange exchange, URI deadHop, Consumer<Response> relayBack) {
        new Attempts(exchange, relayBack, timers.nowMillis() + policy.window().toMillis()).failed(deadHop);
    }

    private final class Attempts {
        private final ServerExchange exchange;
        private final Consumer<Response> relayBack;
        private final long deadline;
        private final Set<String> failedHops = new HashSet<>();
        private final Set<URI> failedUris = new HashSet<>();
        private int attempt = 1;

        Attempts(ServerExchange exchange, Consumer<Response> relayBack, long deadline) {
            this.exchange = exchange;
            this.relayBack = relayBack;
            this.deadline = deadline;
        }

        void failed(URI hop) {
            failedHops.add(hostPort(hop));
            failedUris.add(hop);
            next();
        }

        private void next() {
            Request request = exchange.request();
            Request probe = (Request) request.clone();
            probe.setRequestURI(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
            if (!bridges.claims(probe)) {
                giveUp();
                return;
            }
            bridges.find(probe, Set.copyOf(failedUris)).whenComplete((routing, error) -> {
                if (error != null) {
                    retryLater();
                } else if (routing instanceof Routing.Refuse refuse) {
                    if (refuse.definite()) {
                        exchange.respond(refuse.status(), refuse.reason());
                    } else {
                        retryLater();
                    }
                } else {
                    SipURI router = ((Routing.Forward) routing).targets().get(0).via();
                    if (router == null || failedHops.contains(hostPort(router))) {
                        retryLater();
                    } else {
                        through(router);
                    }
                }
            });
        }

        private void through(SipURI router) {
            Request request = exchange.request();
            Request base = (Request) request.clone();
            base.removeFirst(RouteHeader.NAME);
            relay.forward(base, List.of(new Target(request.getRequestURI(), router)), attempt++, policy.hopPatience())
                    .whenComplete((outcome, failure) -> {
                        if (failure == null && outcome.response() != null && !outcome.everyHopFailed(1)) {
                            relayBack.accept(outcome.response());
                        } else {
                            failedHops.add(hostPort(router));
                            failedUris.add(router);
                            retryLater();
                        }
                    });
        }

        private void retryLater() {
            if (timers.nowMillis() + policy.retryDelay().toMillis() >= deadline) {
                giveUp();
            } else {
                timers.schedule(policy.retryDelay().toMillis(), this::next);
            }
        }

        private void giveUp() {
            exchange.respond(Response.SERVICE_UNAVAILABLE, "No router answers");
        }
    }

    private static String hostPort(URI uri) {
        if (!(uri instanceof SipURI sip)) return uri.toString();
        return sip.getHost() + ":" + (sip.getPort() <= 0 ? 5060 : sip.getPort());
    }
}
