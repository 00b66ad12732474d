package org.interlay.router.sip;

import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;

/** Sends requests: in a client transaction (stateful), or once, leaving retransmission to the sender upstream. */
public interface RequestSender {
    /**
     * Sends {@code request} in a client transaction; the future completes with the final response, or
     * fails with {@link SipTimeoutException} when none came in time, or {@link SipTransportException}
     * when it could not be sent.
     */
    CompletableFuture<javax.sip.message.Response> send(Request request);

    /** Sends {@code request} once, with no transaction (a stateless proxy's forwarding). */
    void sendStateless(Request request) throws SipTransportException;
}
