package org.interlay.router.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.message.Request;
import org.interlay.trust.Aor;

/**
 * P-Asserted-Identity (RFC 3325): the identity that an element of the trust domain (the agents and
 * routers enrolled by one authority, talking over mutually authenticated TLS) asserts for the user a
 * request comes from. Read, added and removed here; who may be believed is decided by the handlers of
 * {@code org.interlay.router.identity}. At each hop ({@link #atHop}): a request leaving over TLS
 * carries the identity of its authenticated user when it has none yet; a request leaving over UDP or
 * TCP, to a phone or anything outside the trust domain, carries none (section 5).
 */
public final class AssertedIdentity {
    public static final String HEADER = "P-Asserted-Identity";

    private AssertedIdentity() {
    }

    /** The sip identities asserted in {@code request} (an RFC 3325 request has at most one sip URI). */
    public static List<Aor> of(Request request) {
        List<Aor> out = new ArrayList<>();
        var it = request.getHeaders(HEADER);
        while (it.hasNext()) {
            Object header = it.next();
            if (header instanceof HeaderAddress address && address.getAddress().getURI() instanceof SipURI sip
                    && sip.getUser() != null && sip.getHost() != null) {
                try {
                    out.add(new Aor(sip.getUser(), sip.getHost().toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException notAnAor) {
                    // counted as no identity: the handlers refuse or strip it
                }
            }
        }
        return out;
    }

    public static boolean present(Request request) {
        return request.getHeader(HEADER) != null;
    }

    /** Removes every P-Asserted-Identity; true if there was one. */
    public static boolean remove(Request request) {
        boolean had = present(request);
        request.removeHeader(HEADER);
        return had;
    }

    /** Asserts {@code user} in {@code request}, replacing what was asserted. */
    public static void assertUser(Request request, Aor user) {
        try {
            Header header = SipFactories.get().headers().createHeader(HEADER, "<" + user + ">");
            request.removeHeader(HEADER);
            request.addHeader(header);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot assert " + user, e);
        }
    }

    /**
     * Makes {@code request} fit to leave over {@code transport}: over TLS it asserts the user this element
     * authenticated it as, unless an identity is asserted already; over anything else its assertion is
     * removed.
     */
    public static void atHop(Request request, String transport) {
        if ("tls".equalsIgnoreCase(transport)) {
            Optional<Aor> user = AuthenticationMark.of(request);
            if (user.isPresent() && !present(request)) assertUser(request, user.get());
        } else {
            remove(request);
        }
    }
}
