package org.interlay.router.proxy;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.address.SipURI;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.OutboundTransport;
import org.interlay.router.sip.SipFactories;

/**
 * Puts this element in the route of the dialog a request creates (RFC 3261 section 16.6 step 4):
 * a Record-Route naming this host and port, with {@code lr} (loose routing) and the transport the
 * request came on, so the dialog's later requests (ACK for 2xx, BYE, re-INVITE, UPDATE) come through
 * here whatever the location service says by then.
 */
public final class RecordRoute {
    private static final String TLS = "tls";
    /** The transports whose header is built once (the rest are built per request: their names come from the network). */
    private static final List<String> KNOWN_TRANSPORTS = List.of("udp", "tcp", TLS);
    private final SelfAddress self;
    /** This element's Record-Route for each known transport, built once and cloned into each request (no URI parsed per request). */
    private final Map<String, RecordRouteHeader> built = new HashMap<>();

    public RecordRoute(SelfAddress self) {
        this.self = self;
        for (String transport : KNOWN_TRANSPORTS) built.put(transport, build(transport));
    }

    /**
     * Adds this element's Record-Route on top of {@code copy}'s, for a request received as {@code received}.
     * Where the request crosses between TLS and UDP or TCP here, two (RFC 5658 section 3.2's double
     * Record-Route): on top the one facing the next hop, with the transport and port the copy leaves
     * on, under it the one facing the previous hop; so each side's in-dialog requests reach this element
     * on the transport it can speak (a phone never over TLS, a router always), and it pops both
     * ({@link RoutePreprocessor}). The copy's next hop must be set already.
     */
    public void addTo(Request copy, Request received) {
        String in = transportOf(received);
        // without TLS here there is no boundary, and no need to choose the copy's transport (its size is
        // worked out by encoding it)
        String out = self.tlsPort() == 0 ? in : OutboundTransport.choose(copy).transport();
        boolean tlsBoundary = self.tlsPort() != 0 && !in.equals(out) && (in.equals(TLS) || out.equals(TLS));
        try {
            copy.addFirst(header(in));
            if (tlsBoundary) copy.addFirst(header(out));
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot Record-Route through " + self, e);
        }
    }

    private RecordRouteHeader header(String transport) {
        RecordRouteHeader prototype = built.get(transport);
        return prototype != null ? (RecordRouteHeader) prototype.clone() : build(transport);
    }

    private RecordRouteHeader build(String transport) {
        try {
            SipURI uri = SipFactories.get().addresses().createSipURI(null, self.host());
            uri.setPort(transport.equals(TLS) && self.tlsPort() != 0 ? self.tlsPort() : self.port());
            uri.setTransportParam(transport);
            uri.setLrParam();
            return SipFactories.get().headers().createRecordRouteHeader(SipFactories.get().addresses().createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot Record-Route through " + self, e);
        }
    }

    /** The transport of the request's top Via, in lower case; udp when it names none. */
    static String transportOf(Request received) {
        ViaHeader via = (ViaHeader) received.getHeader(ViaHeader.NAME);
        String transport = via == null ? null : via.getTransport();
        return transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
    }
}
