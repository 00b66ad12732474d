package org.interlay.router.proxy;

import java.util.Set;
import javax.sip.address.URI;
import javax.sip.message.Response;

/**
 * How forwarding went. A stateful relay reports the response to send back (null when every branch
 * timed out: RFC 4320 forbids a proxy's 408 to a non-INVITE, so nothing is sent) and the next hops
 * that failed (timed out, unreachable or 503), so a finder can offer others.
 */
public record RelayOutcome(Response response, Set<URI> failedHops, boolean sentWithoutState) {
    public RelayOutcome {
        failedHops = Set.copyOf(failedHops);
    }

    /** A stateless relay sent the request on; its response will find its own way back. */
    public static final RelayOutcome STATELESS = new RelayOutcome(null, Set.of(), true);

    /** True when no target gave a usable answer: every one timed out, was unreachable or overloaded. */
    public boolean everyHopFailed(int targets) {
        return !sentWithoutState && failedHops.size() >= targets
                && (response == null || response.getStatusCode() == Response.SERVICE_UNAVAILABLE);
    }
}
