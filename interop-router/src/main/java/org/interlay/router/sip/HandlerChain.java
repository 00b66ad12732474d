package org.interlay.router.sip;

import java.util.List;
import java.util.function.Consumer;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Offers each request to the handlers in order until one takes it. What none takes is answered as
 * RFC 3261 section 8.2.1 says: OPTIONS with 200 and the methods allowed, a known method with 405,
 * an unknown one with 501; an ACK that nobody wanted is dropped, as an ACK is never answered.
 */
public final class HandlerChain implements Consumer<ServerExchange> {
    private static final List<String> KNOWN = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.REGISTER, Request.MESSAGE, Request.PUBLISH, Request.SUBSCRIBE, Request.NOTIFY,
            Request.INFO, Request.PRACK, Request.UPDATE, Request.REFER);

    private final List<SipHandler> handlers;
    private final List<String> allowed;

    /** @param allowed the methods this agent serves, for Allow headers */
    public HandlerChain(List<SipHandler> handlers, List<String> allowed) {
        this.handlers = List.copyOf(handlers);
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public void accept(ServerExchange exchange) {
        for (SipHandler h : handlers) {
            if (h.handle(exchange)) return;
        }
        String method = exchange.request().getMethod();
        if (method.equals(Request.ACK)) return;
        if (method.equals(Request.OPTIONS)) {
            answerWithAllow(exchange, Response.OK);
        } else if (KNOWN.contains(method)) {
            answerWithAllow(exchange, Response.METHOD_NOT_ALLOWED);
        } else {
            exchange.respond(Response.NOT_IMPLEMENTED);
        }
    }

    private void answerWithAllow(ServerExchange exchange, int status) {
        answerWithAllow(exchange, status, allowed);
    }

    /** Answers with {@code status} and an Allow header listing {@code allowed}. */
    static void answerWithAllow(ServerExchange exchange, int status, List<String> allowed) {
        Response response = exchange.response(status);
        for (String method : allowed) {
            try {
                AllowHeader allow = SipFactories.get().headers().createAllowHeader(method);
                response.addHeader(allow);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("bad method name " + method, e);
            }
        }
        exchange.send(response);
    }
}
