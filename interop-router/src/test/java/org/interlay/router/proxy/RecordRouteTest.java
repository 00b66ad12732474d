package org.interlay.router.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sip.address.SipURI;
import javax.sip.header.RecordRouteHeader;
import org.junit.jupiter.api.Test;

/** One Record-Route, or two where the request crosses between TLS and UDP/TCP (RFC 5658 section 3.2). */
class RecordRouteTest {
    private static final SelfAddress SECURE = new SelfAddress("127.0.0.1", 5060, 5061);

    private static SIPRequest invite(String viaTransport, String route) throws Exception {
        String text = "INVITE sip:bob@kad.lab SIP/2.0\r\n"
                + "Via: SIP/2.0/" + viaTransport + " 127.0.0.1:5070;branch=z9hG4bK-rr\r\n"
                + (route == null ? "" : "Route: <" + route + ">\r\n")
                + "From: <sip:alice@chord.lab>;tag=1\r\nTo: <sip:bob@kad.lab>\r\nCall-ID: rr1\r\n"
                + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    private static List<String> recordRoutes(SIPRequest r) {
        List<String> out = new ArrayList<>();
        for (Iterator<?> it = r.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            SipURI uri = (SipURI) ((RecordRouteHeader) it.next()).getAddress().getURI();
            out.add(uri.getPort() + ";" + uri.getTransportParam() + (uri.hasLrParam() ? ";lr" : ""));
        }
        return out;
    }

    @Test
    void fromAPhoneOverUdpToARouterOverTlsTwoTheTlsOneOnTop() throws Exception {
        SIPRequest received = invite("UDP", null);
        SIPRequest copy = invite("UDP", "sip:127.0.0.1:6061;transport=tls;lr");
        new RecordRoute(SECURE).addTo(copy, received);
        assertEquals(List.of("5061;tls;lr", "5060;udp;lr"), recordRoutes(copy));
    }

    @Test
    void fromARouterOverTlsToAPhoneOverUdpTwoTheUdpOneOnTop() throws Exception {
        SIPRequest received = invite("TLS", null);
        SIPRequest copy = invite("TLS", null);
        new RecordRoute(SECURE).addTo(copy, received);
        assertEquals(List.of("5060;udp;lr", "5061;tls;lr"), recordRoutes(copy));
    }

    @Test
    void oneWhereTheTransportStaysOrTheElementHasNoTls() throws Exception {
        SIPRequest copy = invite("UDP", null);
        new RecordRoute(SECURE).addTo(copy, invite("UDP", null));
        assertEquals(List.of("5060;udp;lr"), recordRoutes(copy));
        SIPRequest open = invite("UDP", "sip:127.0.0.1:6060;transport=tcp;lr");
        new RecordRoute(new SelfAddress("127.0.0.1", 5060)).addTo(open, invite("UDP", null));
        assertEquals(List.of("5060;udp;lr"), recordRoutes(open));
    }

    @Test
    void eachRequestGetsAHeaderOfItsOwnAndOtherTransportsAreNamedAsReceived() throws Exception {
        RecordRoute recordRoute = new RecordRoute(new SelfAddress("127.0.0.1", 5060));
        SIPRequest first = invite("UDP", null);
        SIPRequest second = invite("UDP", null);
        recordRoute.addTo(first, invite("UDP", null));
        recordRoute.addTo(second, invite("UDP", null));
        RecordRouteHeader a = (RecordRouteHeader) first.getHeader(RecordRouteHeader.NAME);
        RecordRouteHeader b = (RecordRouteHeader) second.getHeader(RecordRouteHeader.NAME);
        a.setParameter("mark", "1"); // a header changed in one request changes neither the next nor its prototype
        ((SipURI) a.getAddress().getURI()).setPort(7000);
        assertEquals(null, b.getParameter("mark"));
        SIPRequest third = invite("UDP", null);
        recordRoute.addTo(third, invite("UDP", null));
        assertEquals(List.of("5060;udp;lr"), recordRoutes(third));
        assertEquals(List.of("5060;udp;lr"), recordRoutes(second));
        SIPRequest sctp = invite("SCTP", null);
        recordRoute.addTo(sctp, invite("SCTP", null));
        assertEquals(List.of("5060;sctp;lr"), recordRoutes(sctp));
    }
}
