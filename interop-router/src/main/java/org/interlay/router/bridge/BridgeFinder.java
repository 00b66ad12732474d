package org.interlay.router.bridge;

import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.router.location.RecordFormatException;
import org.interlay.router.proxy.Routing;
import org.interlay.router.proxy.Target;
import org.interlay.router.proxy.TargetFinder;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHosts;
import org.interlay.router.store.ExpiringCache;
import org.interlay.time.Clock;

/**
 * A peer's way to other domains: a request for a domain its overlay does not serve goes to the router
 * whose bridge record for that domain is in the overlay, Request-URI unchanged, the router as a loose
 * route. No bridge record: 404, and that answer is not kept, since the record may be written any
 * moment (an overlay still forming). When the router does not answer, the record is read again (not from
 * the cache), so a request moves to the standby as soon as it has taken the bridge over. When the
 * {@link RouterRoster} knows that no live router is a member of both overlays, the request gets 503 at
 * once, whatever record is left behind by a router that is gone; when another live router could
 * bridge them but the record still names one that is gone, no request goes to the dead router: the
 * finder says to wait for the standby's record ({@link Routing.NoHopYet}). So it does when the router
 * the record names has just failed to answer and another live router could bridge the pair: a router
 * that crashed stays listed until its adverts lapse, and its standby's record may take a few seconds
 * to be written while the overlay re-forms around the peer that died with it. When that peer held the
 * record itself, the record is missing for a while: after a router did not answer, a missing record
 * while some listed router is a member of both overlays is also a wait, not a 404.
 */
public final class BridgeFinder implements TargetFinder {
    private static final int CACHE_CAPACITY = 1_024;
    /** After a hop failed, the bridge is read again unless the copy at hand is this fresh. */
    private static final Duration REREAD_AFTER = Duration.ofMillis(200);

    private final Overlay overlay;
    private final Predicate<String> servedHere;
    private final RouterRoster routers;
    private final ExpiringCache<String, Optional<Bridge>> cache;

    /**
     * @param servedHere true for the domains this peer serves itself (those are not bridged)
     * @param clock      the time the cached bridge records' ages are read from
     */
    public BridgeFinder(Overlay overlay, Predicate<String> servedHere, Duration cacheTtl, Clock clock) {
        this(overlay, servedHere, RouterRoster.UNKNOWN, cacheTtl, clock);
    }

    /** @param routers what is known of the live routers, to answer at once when none is left for a domain */
    public BridgeFinder(Overlay overlay, Predicate<String> servedHere, RouterRoster routers, Duration cacheTtl, Clock clock) {
        this.overlay = overlay;
        this.servedHere = servedHere;
        this.routers = routers;
        this.cache = new ExpiringCache<>(cacheTtl, Duration.ZERO, CACHE_CAPACITY, clock);
    }

    @Override
    public boolean claims(Request request) {
        if (!(request.getRequestURI() instanceof SipURI uri) || uri.getHost() == null) return false;
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return !servedHere.test(host) && SipHosts.isDomainName(host);
    }

    @Override
    public boolean retriesFailedHops() {
        return true;
    }

    @Override
    public CompletableFuture<Routing> find(Request request, Set<URI> failedHops) {
        String domain = ((SipURI) request.getRequestURI()).getHost().toLowerCase(java.util.Locale.ROOT);
        if (!routers.mayBridge(overlay.name(), domain)) {
            return CompletableFuture.completedFuture(new Routing.Refuse(Response.SERVICE_UNAVAILABLE,
                    "No router bridges to " + domain, 0, true));
        }
        if (!failedHops.isEmpty()) cache.invalidateIfOlderThan(domain, REREAD_AFTER);
        return cache.get(domain, d -> read(overlay, d)).thenApply(bridge -> {
            if (bridge.isEmpty()) {
                cache.invalidate(domain); // "no bridge" is not kept: the bridge may be written any moment
                if (!failedHops.isEmpty() && routers.hasRouterInBoth(overlay.name(), domain)) {
                    // a router did not answer and its record is gone with the peer that held it: the
                    // standby's record is what to wait for
                    return new Routing.NoHopYet("No bridge to " + domain + " written yet since its router stopped answering");
                }
                return new Routing.Refuse(Response.NOT_FOUND, "No router bridges to " + domain);
            }
            if (!routers.isLive(overlay.name(), bridge.get().routerId())) {
                cache.invalidate(domain); // read again next time: the standby may have written its record
                return new Routing.NoHopYet("Router " + bridge.get().routerId() + " bridging to " + domain + " is gone");
            }
            SipURI router;
            try {
                router = (SipURI) SipFactories.get().addresses().createURI(bridge.get().sipUri());
                router.setLrParam();
            } catch (ParseException | ClassCastException e) {
                return new Routing.Refuse(Response.SERVER_INTERNAL_ERROR, "Unusable bridge record");
            }
            if (failedHops.stream().anyMatch(hop -> sameHost(hop, router))
                    && routers.hasStandby(overlay.name(), domain, bridge.get().routerId())) {
                // its router did not answer and a standby is there (a router that crashed is still listed
                // until its adverts lapse): the standby's record is what to wait for
                cache.invalidate(domain);
                return new Routing.NoHopYet("Router " + bridge.get().routerId() + " bridging to " + domain + " does not answer");
            }
            return new Routing.Forward(java.util.List.of(new Target(request.getRequestURI(), router)));
        });
    }

    /** The bridge record for {@code domain} held in {@code overlay}, if there is one. */
    public static CompletableFuture<Optional<Bridge>> read(Overlay overlay, String domain) {
        return overlay.get(Key.hash(Bridge.recordName(domain))).thenApply(found -> {
            if (found.isEmpty()) return Optional.empty();
            try {
                return Optional.of(BridgeCodec.decode(domain, found.get().value()));
            } catch (RecordFormatException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Whether a hop is the router at {@code router}'s host and port (their parameters aside). */
    private static boolean sameHost(URI hop, SipURI router) {
        return hop instanceof SipURI sip && sip.getHost() != null && sip.getHost().equalsIgnoreCase(router.getHost())
                && sip.getPort() == router.getPort();
    }
}
