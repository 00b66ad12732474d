package org.interlay.router.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.proxy.Routing;
import org.interlay.router.proxy.Target;
import org.interlay.router.proxy.TargetFinder;

/**
 * The way out to the client-server SIP world: a request whose domain no overlay serves (the overlay
 * finder answers 404) goes to the domain's servers as RFC 3263 finds them, one at a time, best first;
 * a server that fails (503, timeout, unreachable) is passed over for the next. What DNS does not
 * know either gets the overlay finder's 404, at once; when every server failed, 503.
 */
public final class ConventionalDomainFinder implements TargetFinder {
    static final int RETRY_AFTER_SECONDS = 30;

    private final TargetFinder overlays;
    private final SipServerLocator locator;

    public ConventionalDomainFinder(TargetFinder overlays, SipServerLocator locator) {
        this.overlays = overlays;
        this.locator = locator;
    }

    @Override
    public boolean claims(Request request) {
        return overlays.claims(request);
    }

    @Override
    public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
        return overlays.find(request, failedHops).thenCompose(routing -> {
            if (!(routing instanceof Routing.Refuse refuse) || refuse.status() != Response.NOT_FOUND
                    || !(request.getRequestURI() instanceof SipURI uri)) {
                return CompletableFuture.completedFuture(routing);
            }
            return locator.locate(uri).handle((servers, error) -> {
                if (error != null) {
                    return new Routing.Refuse(Response.SERVICE_UNAVAILABLE, "DNS lookup of " + uri.getHost().toLowerCase(Locale.ROOT)
                            + " failed", RETRY_AFTER_SECONDS);
                }
                if (servers.isEmpty()) {
                    return new Routing.Refuse(Response.NOT_FOUND, "No overlay serves " + uri.getHost().toLowerCase(Locale.ROOT)
                            + " and DNS has no SIP server for it", 0, true);
                }
                return next(request, servers, failedHops).<Routing>map(t -> new Routing.Forward(List.of(t)))
                        .orElseGet(() -> new Routing.Refuse(Response.SERVICE_UNAVAILABLE, "No server of " + uri.getHost()
                                + " answered", RETRY_AFTER_SECONDS, true));
            });
        });
    }

    /** The best server not failed yet, as a target that keeps the Request-URI and goes through the server. */
    private static Optional<Target> next(Request request, List<ServerTarget> servers, Set<URI> failed) {
        for (ServerTarget s : servers) {
            Target t = new Target(request.getRequestURI(), s.hop());
            if (!failed.contains(t.hop())) return Optional.of(t);
        }
        return Optional.empty();
    }

    @Override
    public boolean retriesFailedHops() {
        return true;
    }
}
