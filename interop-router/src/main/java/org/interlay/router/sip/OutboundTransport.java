package org.interlay.router.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Chooses the transport a request goes out on and writes it into the top Via (RFC 3261 section
 * 18.1.1). The next hop is the first Route, else the Request-URI; a {@code ;transport=} there is
 * followed (the stack sends that way). Without one, the request goes over UDP unless it is larger
 * than {@value #UDP_MAX_BYTES} bytes (the path MTU is not known), which goes over TCP, a
 * congestion-controlled transport; the stack follows the Via's transport when the URI names none.
 * TLS is only ever named (agents and routers name it in the hops to each other); the size rule
 * never picks it.
 */
public final class OutboundTransport {
    /** The largest request sent over UDP when the next hop does not name a transport. */
    public static final int UDP_MAX_BYTES = 1300;

    /** The transport chosen for one request, and whether it is TCP only because of the request's size. */
    public record Choice(String transport, boolean forSize) {}

    private OutboundTransport() {
    }

    /**
     * Chooses the transport of {@code request}, sets its top Via's transport to it, and fits its
     * P-Asserted-Identity to it ({@link AssertedIdentity#atHop}).
     */
    public static Choice apply(Request request) {
        Choice choice = choose(request);
        setViaTransport(request, choice.transport());
        AssertedIdentity.atHop(request, choice.transport());
        return choice;
    }

    /**
     * As {@link #apply}, and when the request goes out on a transport that {@code provider} listens on at
     * another port (TLS, on the port after UDP and TCP's), this element's top Via names that port: a
     * response relayed back (by a stateless proxy, or after the connection closed) opens a connection to
     * the Via's port (RFC 3261 section 18.2.2), which must be one that speaks the Via's transport.
     */
    public static Choice apply(Request request, SipProvider provider) {
        Choice choice = apply(request);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        ListeningPoint point = provider.getListeningPoint(choice.transport());
        if (via != null && point != null && via.getHost().equals(point.getIPAddress()) && via.getPort() != point.getPort()) {
            try {
                via.setPort(point.getPort());
            } catch (javax.sip.InvalidArgumentException e) {
                throw new IllegalStateException("a listening port is always a valid Via port", e);
            }
        }
        return choice;
    }

    /** The transport {@code request} goes out on, as {@link #apply} chooses it, changing nothing. */
    public static Choice choose(Request request) {
        String named = namedTransport(nextHop(request));
        if (named != null) return new Choice(named, false);
        if (size(request) > UDP_MAX_BYTES) return new Choice("tcp", true);
        return new Choice("udp", false);
    }

    /** Sets the top Via's transport (and nothing else of it). */
    public static void setViaTransport(Request request, String transport) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via == null || via.getTransport().equalsIgnoreCase(transport)) return;
        try {
            via.setTransport(transport.toUpperCase(Locale.ROOT));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a transport: " + transport, e);
        }
    }

    private static URI nextHop(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return route != null ? route.getAddress().getURI() : request.getRequestURI();
    }

    private static String namedTransport(URI hop) {
        if (!(hop instanceof SipURI sip)) return null;
        String transport = sip.getTransportParam();
        return transport == null || transport.isEmpty() ? null : transport.toLowerCase(Locale.ROOT);
    }

    private static int size(Request request) {
        if (request instanceof SIPMessage message) return message.encodeAsBytes("UDP").length;
        return request.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
