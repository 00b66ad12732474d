package org.interlay.router.sip;

import gov.nist.javax.sip.address.AddressImpl;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;

/**
 * First link of every chain: refuses what the parser let through but a request must not be. A request
 * without Via, From, To, Call-ID or CSeq, whose CSeq method is not its method, whose body is not as
 * long as its Content-Length says, whose Request-URI carries headers, or with a URI carrying headers
 * outside angle brackets (RFC 3261 section 20: such a URI's '?' would belong to the header) gets 400;
 * a Request-URI of a scheme other than sip or sips gets 416; an option in Proxy-Require (or, for a
 * REGISTER, in Require) gets 420 naming it in Unsupported, as no extension is supported here; a body
 * larger than the limit gets 413. A request whose top Via names a transport not served (SCTP; TLS by an
 * endpoint without credentials) is
 * dropped, as its answer could not be sent. An ACK is never answered, so a bad one is dropped. Each refusal is
 * recorded as malformed input.
 */
public final class RequestValidator implements SipHandler {
    private static final String[] REQUIRED = {ViaHeader.NAME, FromHeader.NAME, ToHeader.NAME, CallIdHeader.NAME, CSeqHeader.NAME};
    /** Transports an answer can go back on (TCP: once the endpoint listens on it; until then its sends fail). */
    private static final java.util.Set<String> SERVED_TRANSPORTS = java.util.Set.of("UDP", "TCP");
    private static final java.util.Set<String> SERVED_WITH_TLS = java.util.Set.of("UDP", "TCP", "TLS");
    private static final String[] ADDRESSES = {FromHeader.NAME, ToHeader.NAME, ContactHeader.NAME};

    private final DropLog malformed;
    private final int maxBodyBytes;
    private final java.util.Set<String> served;

    public RequestValidator(DropLog malformed, int maxBodyBytes) {
        this(malformed, maxBodyBytes, false);
    }

    /** @param servesTls whether the endpoint takes TLS (it has credentials), so answers can go back over it */
    public RequestValidator(DropLog malformed, int maxBodyBytes, boolean servesTls) {
        if (maxBodyBytes < 0) throw new IllegalArgumentException("body limit must not be negative: " + maxBodyBytes);
        this.malformed = malformed;
        this.maxBodyBytes = maxBodyBytes;
        this.served = servesTls ? SERVED_WITH_TLS : SERVED_TRANSPORTS;
    }

    /** Why a request is refused: the status and reason phrase of the answer, and what was unsupported (420). */
    record Refusal(int status, String reason, List<String> unsupported) {
        static Refusal badRequest(String reason) {
            return new Refusal(Response.BAD_REQUEST, reason, List.of());
        }

        /** Dropped without an answer, which could not be sent. */
        static Refusal unanswerable(String reason) {
            return new Refusal(0, reason, List.of());
        }
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        addMaxForwardsIfMissing(request);
        Refusal refusal = refusal(request, served);
        if (refusal == null) {
            int length = bodyLength(request);
            if (length <= maxBodyBytes) return false;
            refusal = new Refusal(Response.REQUEST_ENTITY_TOO_LARGE, "Body larger than " + maxBodyBytes + " bytes", List.of());
        }
        malformed.drop(refusal.reason(), sender(request), request.getMethod() + " " + request.getRequestURI());
        if (refusal.status() != 0 && !request.getMethod().equals(Request.ACK) && request.getHeader(ViaHeader.NAME) != null) {
            Response response = exchange.response(refusal.status());
            try {
                response.setReasonPhrase(refusal.reason());
                for (String option : refusal.unsupported()) {
                    response.addHeader(SipFactories.get().headers().createUnsupportedHeader(option));
                }
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("cannot write refusal " + refusal, e);
            }
            exchange.send(response);
        }
        return true;
    }

    /** What is wrong with the request, or null when nothing is. */
    static Refusal refusal(Request request) {
        return refusal(request, SERVED_TRANSPORTS);
    }

    private static Refusal refusal(Request request, java.util.Set<String> served) {
        for (String name : REQUIRED) {
            if (request.getHeader(name) == null) return Refusal.badRequest("Missing " + name);
        }
        String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
        if (!served.contains(transport.toUpperCase(java.util.Locale.ROOT))) {
            return Refusal.unanswerable("top Via names a transport not served: " + transport);
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (!cseq.getMethod().equals(request.getMethod())) return Refusal.badRequest("CSeq method does not match");
        ContentLengthHeader declared = request.getContentLength();
        if (declared != null && declared.getContentLength() != bodyLength(request)) {
            return Refusal.badRequest("Content-Length does not match body");
        }
        URI target = request.getRequestURI();
        if (!(target instanceof SipURI sip)) return new Refusal(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI scheme", List.of());
        if (sip.getHeaderNames() != null && sip.getHeaderNames().hasNext()) return Refusal.badRequest("Request-URI carries headers");
        for (String name : ADDRESSES) {
            for (ListIterator<?> it = request.getHeaders(name); it.hasNext(); ) {
                Object header = it.next();
                if (header instanceof HeaderAddress h && headersOutsideBrackets(h.getAddress())) {
                    return Refusal.badRequest("URI with headers in " + name + " needs <>");
                }
            }
        }
        if (request.getMethod().equals(Request.REGISTER) && !(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI() instanceof SipURI)) {
            return Refusal.badRequest("To of a REGISTER must be a SIP URI");
        }
        List<String> unsupported = unsupported(request);
        if (!unsupported.isEmpty()) return new Refusal(Response.BAD_EXTENSION, "Bad Extension", unsupported);
        return null;
    }

    /** Options the request demands of this element: those of Proxy-Require, and of Require for a REGISTER. */
    private static List<String> unsupported(Request request) {
        List<String> options = new ArrayList<>();
        if (request.getMethod().equals(Request.ACK) || request.getMethod().equals(Request.CANCEL)) return options;
        for (Iterator<?> it = request.getHeaders(ProxyRequireHeader.NAME); it.hasNext(); ) {
            options.add(((ProxyRequireHeader) it.next()).getOptionTag());
        }
        if (request.getMethod().equals(Request.REGISTER)) {
            for (Iterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
                options.add(((RequireHeader) it.next()).getOptionTag());
            }
        }
        return options;
    }

    private static boolean headersOutsideBrackets(Address address) {
        if (!(address instanceof AddressImpl impl) || impl.getAddressType() != AddressImpl.ADDRESS_SPEC) return false;
        return address.getURI() instanceof SipURI sip && sip.getHeaderNames() != null && sip.getHeaderNames().hasNext();
    }

    /** Who sent {@code request}, as its top Via says. */
    private static String sender(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "a peer without Via" : via.getHost() + ":" + via.getPort();
    }

    private static int bodyLength(Request request) {
        byte[] body = request.getRawContent();
        return body == null ? 0 : body.length;
    }

    /**
     * An RFC 2543 element sends no Max-Forwards; RFC 3261 section 16.6 has a proxy add one of 70 to
     * what it forwards, and the stack will not open a transaction for a request without one, so the
     * request is taken as if it had come with 70.
     */
    static void addMaxForwardsIfMissing(Request request) {
        if (request.getHeader(javax.sip.header.MaxForwardsHeader.NAME) != null) return;
        try {
            request.setHeader(SipFactories.get().headers().createMaxForwardsHeader(70));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("70 is a valid Max-Forwards", e);
        }
    }
}
