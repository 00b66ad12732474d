package org.interlay.router.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.interlay.router.location.AddressOfRecord;

/**
 * Which requests an agent challenges, and whom the authenticated user must be (RFC 3261 §22, §10.3
 * step 3). Out of dialog (no To tag) REGISTER, PUBLISH, SUBSCRIBE, MESSAGE and INVITE whose From is of
 * the agent's domain; also a REGISTER whose Request-URI or To is of the domain (it writes that user's
 * bindings, whoever claims to send it) and a PUBLISH whose Request-URI is (it writes that user's
 * presence). The authenticated user must be every address named: From, and To for a REGISTER, the
 * Request-URI's user for a PUBLISH. CANCEL, ACK, BYE, requests inside dialogs, and requests from other
 * domains are never challenged.
 */
final class ClaimedIdentity {
    static final Set<String> CHALLENGED = Set.of(Request.REGISTER, Request.PUBLISH, Request.SUBSCRIBE, Request.MESSAGE,
            Request.INVITE);

    private ClaimedIdentity() {
    }

    /** The addresses the sender must prove to be; empty when the request is not challenged here. */
    static Optional<List<AddressOfRecord>> of(Request request, String realm) {
        String method = request.getMethod();
        if (!CHALLENGED.contains(method)) return Optional.empty();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (to == null || from == null || to.getTag() != null) return Optional.empty();
        Optional<AddressOfRecord> sender = AddressOfRecord.of(from.getAddress().getURI());
        boolean ours = sender.filter(a -> a.domain().equals(realm)).isPresent();
        List<AddressOfRecord> claimed = new ArrayList<>();
        sender.ifPresent(claimed::add);
        if (method.equals(Request.REGISTER)) {
            Optional<AddressOfRecord> bound = AddressOfRecord.of(to.getAddress().getURI());
            boolean registrarOfRealm = request.getRequestURI() instanceof SipURI uri && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(realm);
            ours |= registrarOfRealm || bound.filter(a -> a.domain().equals(realm)).isPresent();
            bound.ifPresent(claimed::add);
        } else if (method.equals(Request.PUBLISH)) {
            Optional<AddressOfRecord> presentity = AddressOfRecord.of(request.getRequestURI());
            ours |= presentity.filter(a -> a.domain().equals(realm)).isPresent();
            presentity.ifPresent(claimed::add);
        }
        if (!ours) return Optional.empty();
        return Optional.of(List.copyOf(claimed));
    }
}
