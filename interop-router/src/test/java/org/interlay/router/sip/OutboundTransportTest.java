package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The transport of a request going out (RFC 3261 section 18.1.1), read from the request alone. */
class OutboundTransportTest {
    private final HeaderFactory headers = SipFactories.get().headers();
    private final AddressFactory addresses = SipFactories.get().addresses();

    private Request message(String requestUri, String route, int bodyBytes) throws Exception {
        Request r = SipFactories.get().messages().createRequest(addresses.createURI(requestUri), Request.MESSAGE,
                headers.createCallIdHeader("c1"), headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress("sip:alice@chord.lab"), "a1"),
                headers.createToHeader(addresses.createAddress("sip:bob@kad.lab"), null),
                List.of(headers.createViaHeader("127.0.0.1", 5070, "udp", "z9hG4bK-t1")),
                headers.createMaxForwardsHeader(70));
        if (route != null) r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        r.setContent("x".repeat(bodyBytes), headers.createContentTypeHeader("text", "plain"));
        return r;
    }

    private static String via(Request r) {
        return ((ViaHeader) r.getHeader(ViaHeader.NAME)).getTransport();
    }

    @Test
    void aSmallRequestToAHopThatNamesNoTransportGoesOverUdp() throws Exception {
        Request r = message("sip:bob@127.0.0.1:5080", null, 100);
        assertEquals(new OutboundTransport.Choice("udp", false), OutboundTransport.apply(r));
        assertEquals("UDP", via(r));
    }

    @Test
    void aRequestOver1300BytesGoesOverTcpAndSaysSoInItsVia() throws Exception {
        Request r = message("sip:bob@127.0.0.1:5080", null, OutboundTransport.UDP_MAX_BYTES);
        OutboundTransport.Choice choice = OutboundTransport.apply(r);
        assertEquals("tcp", choice.transport());
        assertTrue(choice.forSize());
        assertEquals("TCP", via(r));
    }

    @Test
    void theFirstRoutesTransportIsFollowedBeforeTheRequestUrisAndBeforeTheSize() throws Exception {
        Request routed = message("sip:bob@127.0.0.1:5080;transport=udp", "<sip:127.0.0.1:5060;lr;transport=tcp>", 10);
        assertEquals(new OutboundTransport.Choice("tcp", false), OutboundTransport.apply(routed));
        assertEquals("TCP", via(routed));

        Request large = message("sip:bob@127.0.0.1:5080;transport=udp", null, 4000);
        OutboundTransport.Choice choice = OutboundTransport.apply(large);
        assertEquals("udp", choice.transport());
        assertFalse(choice.forSize(), "a hop that names UDP is taken at its word");
    }

    @Test
    void aRequestUriThatNamesTcpIsFollowedWithoutARoute() throws Exception {
        Request r = message("sip:bob@127.0.0.1:5080;transport=TCP", null, 10);
        assertEquals(new OutboundTransport.Choice("tcp", false), OutboundTransport.apply(r));
    }
}
