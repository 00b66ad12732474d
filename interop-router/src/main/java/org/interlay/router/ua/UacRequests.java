package org.interlay.router.ua;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTransport;
import org.interlay.router.sip.Tags;

/**
 * Builds the requests a user agent sends: out of dialog through its outbound proxy (a loose Route),
 * or inside a dialog straight to the remote target along the dialog's route set.
 */
final class UacRequests {
    private final AddressOfRecord aor;
    private final SelfAddress self;
    private final SipTransport transport;
    private volatile SipURI proxy;
    private final HeaderFactory headers = SipFactories.get().headers();
    private final AddressFactory addresses = SipFactories.get().addresses();

    /** @param proxy the outbound proxy, whose {@code ;transport=} (if any) the requests to it follow */
    UacRequests(AddressOfRecord aor, SelfAddress self, SipTransport transport, SipURI proxy) {
        this.aor = aor;
        this.self = self;
        this.transport = transport;
        this.proxy = proxy;
    }

    /** From now on, requests outside dialogs go through {@code next}. */
    void moveTo(SipURI next) {
        proxy = next;
    }

    SipURI proxy() {
        return proxy;
    }

    String ownUser() {
        return aor.user();
    }

    Address ownAddress() {
        return parse(aor.toString());
    }

    /** Where this user agent is reached: with {@code ;transport=tcp} when it asks for TCP. */
    Address contact() {
        String param = transport == SipTransport.UDP ? "" : ";transport=" + transport.param();
        return parse("sip:" + aor.user() + "@" + self.host() + ":" + self.port() + param);
    }

    /** A request outside any dialog, sent through the outbound proxy. */
    Request outOfDialog(String method, URI requestUri, Address to, String callId, long cseq, String fromTag) {
        Request r = base(method, requestUri, ownAddress(), fromTag, to, null, callId, cseq);
        r.addHeader(headers.createRouteHeader(addresses.createAddress(proxy)));
        return r;
    }

    /** A request in a dialog: to its remote target, along its route set. */
    Request inDialog(String method, URI remoteTarget, Address local, String localTag, Address remote, String remoteTag,
                     String callId, long cseq, List<Address> routeSet) {
        Request r = base(method, remoteTarget, local, localTag, remote, remoteTag, callId, cseq);
        for (Address route : routeSet) r.addHeader(headers.createRouteHeader(route));
        return r;
    }

    private Request base(String method, URI requestUri, Address from, String fromTag, Address to, String toTag,
                         String callId, long cseq) {
        try {
            List<ViaHeader> via = new ArrayList<>(List.of(headers.createViaHeader(self.host(), self.port(), "udp",
                    Tags.randomBranch())));
            Request r = SipFactories.get().messages().createRequest(requestUri, method, headers.createCallIdHeader(callId),
                    headers.createCSeqHeader(cseq, method), headers.createFromHeader(from, fromTag),
                    headers.createToHeader(to, toTag), via, headers.createMaxForwardsHeader(70));
            r.setHeader(headers.createContactHeader(contact()));
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a " + method + " for " + aor, e);
        }
    }

    Address parse(String uri) {
        try {
            return addresses.createAddress(addresses.createURI(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP URI: " + uri, e);
        }
    }
}
