package org.interlay.router.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.Optional;
import javax.sip.message.Request;
import org.interlay.trust.Aor;

/**
 * The user this element authenticated a request as (by digest, RFC 3261 section 22), carried with the
 * request while it is handled here: the handler that checks credentials marks it, and when a copy of
 * it leaves over TLS to an agent or a router of the trust domain, that user goes along as
 * P-Asserted-Identity ({@link AssertedIdentity#atHop}). Copies of the request keep the mark. Never sent on
 * the wire by itself.
 */
public final class AuthenticationMark {
    private AuthenticationMark() {
    }

    /** Records that {@code request} comes from {@code user}, whose credentials were checked here. */
    public static void mark(Request request, Aor user) {
        if (!(request instanceof SIPMessage message)) {
            throw new IllegalArgumentException("only a request of the stack can be marked: " + request.getClass().getName());
        }
        message.setApplicationData(new Mark(user));
    }

    /** The user {@code request} was authenticated as here, if it was. */
    public static Optional<Aor> of(Request request) {
        return request instanceof SIPMessage message && message.getApplicationData() instanceof Mark mark
                ? Optional.of(mark.user()) : Optional.empty();
    }

    private record Mark(Aor user) {
    }
}
