package org.interlay.router.proxy;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.address.URI;
import javax.sip.message.Request;

/** Decides where a proxied request goes: the contacts of a local user, the router for another domain, ... */
public interface TargetFinder {
    /** Whether this finder routes {@code request}; decided at once from the request alone. */
    boolean claims(Request request);

    /**
     * Where {@code request} goes. {@code failedHops} are next hops that did not answer an earlier
     * attempt; a finder that knows others offers them instead.
     */
    CompletableFuture<Routing> find(Request request, Set<URI> failedHops);

    /** Whether a request whose every target failed should be routed again (as across routers). */
    default boolean retriesFailedHops() {
        return false;
    }
}
