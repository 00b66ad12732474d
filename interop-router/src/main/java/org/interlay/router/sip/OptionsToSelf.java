package org.interlay.router.sip;

import java.util.List;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers an OPTIONS addressed to this element itself (a Request-URI of its own host and port, no user)
 * with 200 and the methods it serves, as keep-alive pings expect; without it, a router would look for
 * an overlay serving its own address and answer 404.
 */
public final class OptionsToSelf implements SipHandler {
    private final Predicate<URI> isSelf;
    private final List<String> allowed;

    public OptionsToSelf(Predicate<URI> isSelf, List<String> allowed) {
        this.isSelf = isSelf;
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!request.getMethod().equals(Request.OPTIONS)) return false;
        URI target = request.getRequestURI();
        if (!(target instanceof SipURI sip) || sip.getUser() != null || !isSelf.test(target)) return false;
        HandlerChain.answerWithAllow(exchange, Response.OK, allowed);
        return true;
    }
}
