package org.interlay.router.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipTransportException;

/**
 * A stateless relay (RFC 3261 section 16.11): sends one copy to the first (most preferred) target and
 * forgets it; retransmissions from upstream are forwarded again with the same branch, and responses
 * find their way back by the Via headers ({@link StatelessResponses}). Keeps nothing per request, so
 * it is fast and any instance can stand in for another; it cannot fork or choose among responses.
 * The received request itself is turned into the forwarded one (nothing else reads it afterwards).
 */
public final class StatelessRelay implements Relay {
    private final RequestSender sender;
    private final ForwardedRequests copies;

    public StatelessRelay(RequestSender sender, ForwardedRequests copies) {
        this.sender = sender;
        this.copies = copies;
    }

    @Override
    public boolean stateful() {
        return false;
    }

    @Override
    public CompletableFuture<RelayOutcome> forward(Request received, List<Target> targets, int attempt, Duration patience) {
        try {
            sender.sendStateless(copies.forwardInPlace(received, targets.get(0), attempt));
            return CompletableFuture.completedFuture(RelayOutcome.STATELESS);
        } catch (SipTransportException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
