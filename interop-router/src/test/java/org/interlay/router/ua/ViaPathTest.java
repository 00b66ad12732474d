package org.interlay.router.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javax.sip.message.Request;
import org.interlay.router.sip.SipFactories;
import org.junit.jupiter.api.Test;

class ViaPathTest {
    private static Request request(String vias) throws Exception {
        String text = "MESSAGE sip:alice@127.0.0.1:5070 SIP/2.0\r\n" + vias
                + "From: <sip:carol@cs.lab>;tag=1\r\nTo: <sip:alice@chord.lab>\r\nCall-ID: c1\r\nCSeq: 1 MESSAGE\r\n"
                + "Max-Forwards: 68\r\nContent-Length: 0\r\n\r\n";
        return SipFactories.get().messages().createRequest(text);
    }

    @Test
    void listsTheHopsLastFirstAsTheyArrivedEvenWhenOneHeaderCarriesSeveral() throws Exception {
        Request r = request("Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKagent\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKkam.0, SIP/2.0/UDP 127.0.0.1:41137;branch=z9hG4bKcarol\r\n");
        assertEquals(List.of("SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKagent", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKkam.0",
                "SIP/2.0/UDP 127.0.0.1:41137;branch=z9hG4bKcarol"), ViaPath.of(r));
    }

    @Test
    void aRequestStraightFromItsSenderHasOneHop() throws Exception {
        assertEquals(1, ViaPath.of(request("Via: SIP/2.0/UDP 127.0.0.1:41137;branch=z9hG4bKcarol\r\n")).size());
    }
}
