package org.interlay.router.proxy;

import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;

/**
 * Removes the Route header naming this element, as RFC 3261 section 16.4 asks: the previous hop
 * loose-routed the request here, and the rest of the chain sees it as if addressed directly.
 * Never takes a request.
 */
public final class RoutePreprocessor implements SipHandler {
    private final SelfAddress self;

    public RoutePreprocessor(SelfAddress self) {
        this.self = self;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null && self.isSelf(route.getAddress().getURI())) request.removeFirst(RouteHeader.NAME);
        return false;
    }
}
