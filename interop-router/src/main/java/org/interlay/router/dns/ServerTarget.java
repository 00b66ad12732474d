package org.interlay.router.dns;

import java.net.InetSocketAddress;
import java.text.ParseException;
import javax.sip.address.SipURI;
import org.interlay.router.sip.SipFactories;

/** One server RFC 3263 found for a domain: the transport to use and the address to send to. */
public record ServerTarget(String transport, InetSocketAddress address) {
    /** A loose route to this server with its transport, the next hop of a request sent to it. */
    public SipURI hop() {
        try {
            SipURI uri = SipFactories.get().addresses().createSipURI(null, address.getAddress().getHostAddress() + ":" + address.getPort());
            uri.setTransportParam(transport);
            uri.setLrParam();
            return uri;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot name " + this, e);
        }
    }

    @Override
    public String toString() {
        return transport + " " + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
