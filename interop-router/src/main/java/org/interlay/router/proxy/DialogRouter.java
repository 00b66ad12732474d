package org.interlay.router.proxy;

import java.util.List;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipHosts;
import org.interlay.router.sip.SipTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the requests inside a dialog (they carry a To tag) the way the dialog's route set says, not
 * by the location service (RFC 3261 sections 16.4 and 16.12): after the Route naming this element is
 * removed ({@link RoutePreprocessor}), the request goes to the next Route if there is one (loose
 * routing: the Request-URI is left alone), else to its Request-URI, the remote target. It takes
 * such requests when a Route is left or the Request-URI is an address (a contact), not a user's
 * address of record. A re-INVITE is forwarded statefully as an INVITE. An ACK (for a 2xx) and the
 * other requests (BYE, UPDATE, INFO, PRACK, REFER, ...) are forwarded without state (RFC 3261
 * section 16.11): the branch is computed from the request, so a retransmission goes out again with
 * the same branch and the far end's transaction absorbs it; the response comes back by the Via
 * headers as a stray ({@link StatelessResponses}). Nothing here would use the state: a stateful
 * proxy forwards a non-INVITE's final response as it is, and one that never comes is not answered
 * (RFC 4320), the sender's own transaction ends it. The exception is a request whose next hop is a
 * router that may die during the call (an agent with a {@link DialogReroute}): it goes in a client
 * transaction, and when that router does not answer, the reroute sends the request through the
 * router that bridges the callee's domain now, if there is one.
 */
public final class DialogRouter implements SipHandler {
    private static final Logger log = LoggerFactory.getLogger(DialogRouter.class);
    /** Methods routed along a dialog. */
    public static final Set<String> METHODS = Set.of(Request.ACK, Request.BYE, Request.INVITE, Request.UPDATE,
            Request.INFO, Request.PRACK, Request.REFER, Request.NOTIFY, Request.MESSAGE, Request.SUBSCRIBE,
            Request.OPTIONS);

    private final InviteProxy.Parts parts;
    private final SelfAddress self;
    private final RequestSender requests;
    private final StatefulRelay relay;
    private final DialogReroute reroute;

    /**
     * @param reroute how a request whose next router died goes through another, null where there is
     *                no other way (a router forwards to contacts directly)
     */
    public DialogRouter(InviteProxy.Parts parts, SelfAddress self, RequestSender requests, StatefulRelay relay,
                        DialogReroute reroute) {
        this.parts = parts;
        this.self = self;
        this.requests = requests;
        this.relay = relay;
        this.reroute = reroute;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!METHODS.contains(request.getMethod()) || !inDialog(request)) return false;
        boolean routed = request.getHeader(RouteHeader.NAME) != null;
        if (!routed && !isContact(request.getRequestURI())) return false;
        int refusal = parts.guard().refusal(request);
        if (request.getMethod().equals(Request.ACK)) {
            if (refusal == 0) forwardAck(request);
            return true;
        }
        if (refusal != 0) {
            exchange.respond(refusal);
            return true;
        }
        Target target = Target.direct(request.getRequestURI());
        if (request.getMethod().equals(Request.INVITE)) {
            InviteForwarding forwarding = InviteProxy.begin(exchange, parts);
            if (forwarding != null) forwarding.start(List.of(parts.copies().copyFor(request, target, 0)));
            return true;
        }
        if (reroute == null || !routed) {
            forwardStateless(exchange, request, target);
            return true;
        }
        // the next hop is a router that may have died during the call: wait for it a while, else reroute
        if (!exchange.enterTransaction()) return true;
        relay.forward(request, List.of(target), 0, reroute.hopPatience()).whenComplete((outcome, failure) -> {
            if (failure == null && outcome.response() != null && !outcome.everyHopFailed(1)) {
                sendBack(exchange, outcome.response());
            } else {
                reroute.start(exchange, firstRoute(request), response -> sendBack(exchange, response));
            }
        });
        return true;
    }

    /** An ACK for a 2xx: end to end, forwarded without state (RFC 3261 section 16.11 applies). */
    private void forwardAck(Request request) {
        try {
            requests.sendStateless(parts.copies().forwardInPlace(request, Target.direct(request.getRequestURI()), 0));
        } catch (SipTransportException e) {
            log.debug("cannot forward ACK to {}: {}", request.getRequestURI(), e.toString());
        }
    }

    /**
     * A request inside a dialog with no other way to go (RFC 3261 section 16.11): the received request
     * itself goes on, its branch derived from the received one; one that cannot be sent is answered 503
     * at once, as the stateful path did.
     */
    private void forwardStateless(ServerExchange exchange, Request request, Target target) {
        try {
            requests.sendStateless(parts.copies().forwardInPlace(request, target, 0));
        } catch (SipTransportException e) {
            log.debug("cannot forward {} to {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            request.removeFirst(ViaHeader.NAME); // this element's, added in forwarding: the answer goes to the sender
            exchange.respond(Response.SERVICE_UNAVAILABLE, "Next hop unreachable");
        }
    }

    private static boolean inDialog(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null && !to.getTag().isEmpty();
    }

    /** A Request-URI naming a host by its address (a registered contact), and not this element. */
    private boolean isContact(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getHost() == null || self.isSelf(uri)) return false;
        return SipHosts.isAddressLiteral(sip.getHost());
    }

    private static URI firstRoute(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return route.getAddress().getURI();
    }

    /** Relays a response upstream: without this proxy's Via; a 503 becomes 500 (RFC 3261 section 16.7 step 6). */
    static void sendBack(ServerExchange exchange, Response response) {
        if (response.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
            exchange.respond(Response.SERVER_INTERNAL_ERROR, "Next hop unavailable");
            return;
        }
        Response out = (Response) response.clone();
        out.removeFirst(ViaHeader.NAME);
        exchange.send(out);
    }
}
