package org.interlay.router.identity;

import java.util.List;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.sip.AssertedIdentity;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Role;

/**
 * Believes a P-Asserted-Identity only from the trust domain (RFC 3325 section 5): one that came over TLS
 * from an agent or a router whose certificate the handshake verified stays; from anywhere else (UDP,
 * TCP, a phone) it is removed, counted and logged, and the request goes on without it. An agent may
 * assert users of its own domain only (its certificate names the domain): an agent asserting another
 * domain's user gets 403. A router may assert any user of the domains it serves. Passes every request on
 * but that one.
 */
public final class UntrustedAssertions implements SipHandler {
    private final TlsPeerOf peers;
    private final DropLog untrusted;

    public UntrustedAssertions(TlsPeerOf peers, DropLog untrusted) {
        this.peers = peers;
        this.untrusted = untrusted;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!AssertedIdentity.present(request)) return false;
        Optional<CertifiedIdentity> peer = peers.peerOf(request);
        if (peer.isEmpty()) {
            AssertedIdentity.remove(request);
            untrusted.drop("untrusted assertion removed", RequestSource.of(request),
                    "P-Asserted-Identity from outside the trust domain removed from " + request.getMethod());
            return false;
        }
        List<Aor> asserted = AssertedIdentity.of(request);
        if (asserted.isEmpty()) {
            AssertedIdentity.remove(request);
            untrusted.drop("unreadable assertion removed", RequestSource.of(request),
                    "P-Asserted-Identity without a sip identity removed from " + request.getMethod());
            return false;
        }
        if (peer.get().role() == Role.AGENT) {
            String domain = peer.get().domain().orElse("");
            for (Aor user : asserted) {
                if (!user.domain().equals(domain)) {
                    untrusted.drop("assertion outside the agent's domain", RequestSource.of(request),
                            "agent of " + domain + " asserted " + user + "; refused with 403");
                    exchange.respond(Response.FORBIDDEN, "Assertion outside the asserting agent's domain");
                    return true;
                }
            }
        }
        return false;
    }
}
