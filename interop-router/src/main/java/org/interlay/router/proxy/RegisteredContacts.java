package org.interlay.router.proxy;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.LocationService;
import org.interlay.router.sip.SipFactories;

/**
 * Routes requests for users of the domains served here to their registered contacts, found in the
 * domain's overlay: 404 for an address never registered (or forgotten), 480 for one whose contacts
 * have all expired or been removed.
 */
public final class RegisteredContacts implements TargetFinder {
    private static final int URI_CACHE = 10_000;
    private final Function<String, Optional<LocationService>> locations;
    private final InstantSource clock;
    private final java.util.Map<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param locations the location service of each domain served here, by domain */
    public RegisteredContacts(Function<String, Optional<LocationService>> locations, InstantSource clock) {
        this.locations = locations;
        this.clock = clock;
    }

    /** A fresh copy of the contact as a URI (parsed once, then copied: requests may change their URI). */
    private URI parsed(String contact) {
        URI uri = uris.get(contact);
        if (uri == null) {
            try {
                uri = SipFactories.get().addresses().createURI(contact);
            } catch (ParseException e) {
                return null; // a contact the registrar accepted always parses; one that does not is skipped
            }
            if (uris.size() >= URI_CACHE) uris.clear();
            uris.put(contact, uri);
        }
        return (URI) uri.clone();
    }

    @Override
    public boolean claims(Request request) {
        return AddressOfRecord.of(request.getRequestURI()).flatMap(aor -> locations.apply(aor.domain())).isPresent();
    }

    @Override
    public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
        AddressOfRecord aor = AddressOfRecord.of(request.getRequestURI()).orElseThrow();
        LocationService location = locations.apply(aor.domain()).orElseThrow();
        return location.find(aor).thenApply(found -> {
            if (found.isEmpty()) return new Routing.Refuse(Response.NOT_FOUND, "Not Found");
            List<Binding> live = found.get().live(clock.instant());
            if (live.isEmpty()) return new Routing.Refuse(Response.TEMPORARILY_UNAVAILABLE, "Temporarily Unavailable");
            List<Target> targets = new ArrayList<>(live.size());
            for (Binding b : live) {
                URI uri = parsed(b.contact());
                if (uri != null) targets.add(Target.direct(uri));
            }
            if (targets.isEmpty()) return new Routing.Refuse(Response.TEMPORARILY_UNAVAILABLE, "No usable contact");
            return new Routing.Forward(targets);
        });
    }
}
