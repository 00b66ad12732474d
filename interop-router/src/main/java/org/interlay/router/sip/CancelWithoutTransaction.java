package org.interlay.router.sip;

import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers 481 to a CANCEL that matches no pending request here (RFC 3261 section 9.2): nothing is left
 * to cancel. A CANCEL that does match is left to the handlers after this one.
 */
public final class CancelWithoutTransaction implements SipHandler {
    @Override
    public boolean handle(ServerExchange exchange) {
        if (!exchange.request().getMethod().equals(Request.CANCEL) || exchange.cancelsPendingTransaction()) return false;
        exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        return true;
    }
}
