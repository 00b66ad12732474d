package org.interlay.router.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.sip.AssertedIdentity;
import org.interlay.router.sip.AuthenticationMark;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipHosts;
import org.interlay.trust.Aor;

/**
 * In a secure deployment, a request that claims to come from a user of an enrolled domain must prove
 * it: by a P-Asserted-Identity of that user that {@link UntrustedAssertions} let stay (it came over TLS
 * from an agent or router of the trust domain), or by having been authenticated here
 * ({@link org.interlay.router.sip.AuthenticationMark}, by the digest challenge that runs earlier in the chain). Otherwise it is
 * refused with 403, counted and logged. An agent leaves the requests of its own domain's users that
 * come from phones (not over TLS) to its digest challenge.
 *
 * <p>Only requests outside a dialog are checked (no To tag): a request inside a dialog follows the
 * route set that the dialog's first request, checked here, set up. ACK and CANCEL follow their
 * INVITE; REGISTER is the registrar's to authenticate.
 */
public final class AssertionRequired implements SipHandler {
    private final Predicate<String> enrolled;
    private final Optional<String> phonesDomain;
    private final TlsPeerOf peers;
    private final DropLog refused;

    /**
     * @param enrolled     true for the domains whose users must prove who they are
     * @param phonesDomain for an agent, its domain: requests of its users from phones are the digest
     *                     challenge's; empty for a router
     */
    public AssertionRequired(Predicate<String> enrolled, Optional<String> phonesDomain, TlsPeerOf peers, DropLog refused) {
        this.enrolled = enrolled;
        this.phonesDomain = phonesDomain.map(d -> d.toLowerCase(Locale.ROOT));
        this.peers = peers;
        this.refused = refused;
    }

    /** Every domain name (not an address literal) is enrolled: a secure deployment is closed. */
    public static boolean anyDomainName(String host) {
        return SipHosts.isDomainName(host);
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        String method = request.getMethod();
        if (method.equals(Request.ACK) || method.equals(Request.CANCEL) || method.equals(Request.REGISTER)) return false;
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) return false;
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from == null || !(from.getAddress().getURI() instanceof SipURI uri) || uri.getHost() == null) return false;
        String domain = uri.getHost().toLowerCase(Locale.ROOT);
        if (!enrolled.test(domain)) return false;
        Optional<Aor> authenticated = AuthenticationMark.of(request);
        if (authenticated.isPresent()) {
            if (matches(authenticated.get(), uri)) return false;
            return refuse(exchange, "authenticated as " + authenticated.get() + " but claims " + user(uri));
        }
        if (AssertedIdentity.present(request)) {
            if (AssertedIdentity.of(request).stream().anyMatch(a -> matches(a, uri))) return false;
            return refuse(exchange, "asserted " + AssertedIdentity.of(request) + " but claims " + user(uri));
        }
        boolean overTls = peers.peerOf(request).isPresent();
        if (!overTls && phonesDomain.filter(domain::equals).isPresent()) return false;
        return refuse(exchange, "claims " + user(uri) + " with no assertion" + (overTls ? " (over TLS)" : ""));
    }

    private static boolean matches(Aor user, SipURI from) {
        return user.domain().equalsIgnoreCase(from.getHost()) && user.user().equals(from.getUser());
    }

    private static String user(SipURI uri) {
        return "sip:" + uri.getUser() + "@" + uri.getHost();
    }

    private boolean refuse(ServerExchange exchange, String why) {
        refused.drop("identity not asserted", RequestSource.of(exchange.request()), exchange.request().getMethod() + " " + why
                + "; refused with 403");
        exchange.respond(Response.FORBIDDEN, "Identity not asserted");
        return true;
    }
}
