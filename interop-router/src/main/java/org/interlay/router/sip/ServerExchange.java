package org.interlay.router.sip;

import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.auth.AuthenticatedUser;

/**
 * A received request and the way to answer it. A handler that acts as a user agent server or a
 * stateful proxy first calls {@link #enterTransaction()}, so retransmissions are absorbed; one that
 * relays statelessly never does, and its answers go straight out.
 */
public interface ServerExchange {
    Request request();

    /**
     * Puts the request in a server transaction. False when one already exists for it (a retransmission
     * that raced the original): the caller drops the request.
     */
    boolean enterTransaction();

    /** A response to the request; a UAS response carries a To tag, which is added here when missing. */
    Response response(int status);

    /** Sends a response, in the server transaction if there is one, else statelessly. */
    void send(Response response);

    /** For a CANCEL: whether a request it cancels is still pending here (a server transaction it matches). */
    default boolean cancelsPendingTransaction() {
        return false;
    }

    /**
     * Who sent the request, when the agent authenticated its sender (digest, RFC 3261 §22); empty when
     * it did not (a request it does not challenge, or one from another domain).
     */
    default Optional<AuthenticatedUser> authenticatedUser() {
        return Optional.empty();
    }

    /** Records that the request's sender proved to be {@code user}; for the handlers after the one that checked. */
    default void authenticatedAs(AuthenticatedUser user) {
        throw new UnsupportedOperationException("this exchange keeps no identity");
    }

    default void respond(int status) {
        send(response(status));
    }

    default void respond(int status, String reason) {
        Response r = response(status);
        try {
            r.setReasonPhrase(reason);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("bad reason phrase: " + reason, e);
        }
        send(r);
    }
}
