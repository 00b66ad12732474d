package org.interlay.router.proxy;

import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.sip.SipFactories;

/**
 * Puts this element in the route of the dialog a request creates (RFC 3261 section 16.6 step 4):
 * a Record-Route naming this host and port, with {@code lr} (loose routing) and the transport the
 * request came on, so the dialog's later requests (ACK for 2xx, BYE, re-INVITE, UPDATE) come through
 * here whatever the location service says by then.
 */
public final class RecordRoute {
    private final SelfAddress self;

    public RecordRoute(SelfAddress self) {
        this.self = self;
    }

    /** Adds this element's Record-Route on top of {@code copy}'s, for a request received as {@code received}. */
    public void addTo(Request copy, Request received) {
        try {
            SipURI uri = SipFactories.get().addresses().createSipURI(null, self.host());
            uri.setPort(self.port());
            uri.setTransportParam(transportOf(received));
            uri.setLrParam();
            RecordRouteHeader header = SipFactories.get().headers()
                    .createRecordRouteHeader(SipFactories.get().addresses().createAddress(uri));
            copy.addFirst(header);
        } catch (ParseException | javax.sip.SipException e) {
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
