package org.interlay.router.directory;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.proxy.Routing;
import org.interlay.router.proxy.TargetFinder;

/**
 * A router's answer for a domain it does not serve: 503 (with Retry-After) when the directory knows
 * the overlay serving it but this router is not, or no longer, a member of it; 404 when no overlay
 * serves the domain at all.
 */
public final class DirectoryFinder implements TargetFinder {
    private static final int RETRY_AFTER_SECONDS = 10;

    private final DomainDirectory directory;
    private final Predicate<String> servedHere;

    public DirectoryFinder(DomainDirectory directory, Predicate<String> servedHere) {
        this.directory = directory;
        this.servedHere = servedHere;
    }

    @Override
    public boolean claims(Request request) {
        return request.getRequestURI() instanceof SipURI uri && uri.getHost() != null
                && !servedHere.test(uri.getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
        String domain = ((SipURI) request.getRequestURI()).getHost().toLowerCase(Locale.ROOT);
        Routing routing = directory.find(domain)
                .<Routing>map(entry -> new Routing.Refuse(Response.SERVICE_UNAVAILABLE,
                        "Overlay " + entry.overlayName() + " not reachable", RETRY_AFTER_SECONDS))
                .orElseGet(() -> new Routing.Refuse(Response.NOT_FOUND, "No overlay serves " + domain));
        return CompletableFuture.completedFuture(routing);
    }
}
