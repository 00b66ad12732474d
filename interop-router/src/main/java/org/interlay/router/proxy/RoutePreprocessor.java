package org.interlay.router.proxy;

import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;

/**
 * Removes the Route headers naming this element (two after a double Record-Route), as RFC 3261 section 16.4 asks: the previous hop
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
        // one Route of this element, or two where it Record-Routed twice across a TLS boundary (RFC 5658)
        while (route != null && self.isSelf(route.getAddress().getURI())) {
            request.removeFirst(RouteHeader.NAME);
            route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        }
        return false;
    }
}
