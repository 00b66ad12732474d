package org.interlay.router.auth;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestSecret;

/**
 * Digest authentication of the users of an agent's domain (RFC 3261 §22): the requests
 * {@link ClaimedIdentity} names are challenged until they carry credentials of this realm that check
 * out; a REGISTER with 401 and WWW-Authenticate (the registrar is a UAS), the others with 407 and
 * Proxy-Authenticate. A challenge offers SHA-256 first, then MD5 (RFC 8760 §2.4; or what the agent is told to
 * offer), {@code qop="auth"}, a
 * {@link Nonces stateless nonce}; a nonce gone stale or not made here (by another agent of the domain, a
 * phone that moved), or a nonce-count not above the last one seen with the nonce (a replay), gets a new
 * challenge with {@code stale=true} when the response was right. A
 * wrong password or an unknown user gets a new challenge, and nothing is stored; credentials of a user
 * other than the one the request names get 403. A request that passes goes on down the chain with its
 * {@link AuthenticatedUser} recorded on the exchange, and without the Proxy-Authorization this realm
 * consumed (RFC 3261 §22.3). Broken credentials are 400, counted in {@code drops}.
 */
public final class DigestGate implements SipHandler {
    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");
    private static final int MAX_LIVE_NONCES = 10_000;

    /** What went wrong with a request's credentials, in our words (counted apart in the drop log). */
    enum Broken { NO_NONCE_COUNT, NO_CNONCE, QOP_NOT_AUTH, UNKNOWN_ALGORITHM, URI_NOT_REQUEST_URI, MISSING_PARAMETER }

    /** Counts so far: challenges sent, credentials refused (wrong or unknown), 403s, users authenticated. */
    public record Counts(long challenged, long refused, long forbidden, long authenticated) {
    }

    private final DigestUsers users;
    private final List<DigestAlgorithm> offered;
    private final Nonces nonces;
    private final NonceCounts counts;
    private final InstantSource clock;
    private final DropLog drops;
    private final AtomicLong challenged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong forbidden = new AtomicLong();
    private final AtomicLong authenticated = new AtomicLong();

    /** @param offered the algorithms challenges offer, in order of preference; answers in others are refused */
    public DigestGate(DigestUsers users, List<DigestAlgorithm> offered, Nonces nonces, InstantSource clock, DropLog drops) {
        this.users = users;
        this.offered = List.copyOf(offered);
        this.nonces = nonces;
        this.counts = new NonceCounts(nonces.lifetimeMillis(), MAX_LIVE_NONCES);
        this.clock = clock;
        this.drops = drops;
    }

    public Counts counts() {
        return new Counts(challenged.get(), refused.get(), forbidden.get(), authenticated.get());
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        Optional<List<AddressOfRecord>> claimed = ClaimedIdentity.of(request, users.realm());
        if (claimed.isEmpty()) return false;
        boolean register = request.getMethod().equals(Request.REGISTER);
        Optional<AuthorizationHeader> credentials = ownCredentials(request, register);
        if (credentials.isEmpty()) return challenge(exchange, false);
        long now = clock.millis();
        Check check;
        try {
            check = check(request, credentials.get(), now);
        } catch (BrokenCredentials e) {
            drops.drop(e.kind, ((javax.sip.header.FromHeader) request.getHeader(javax.sip.header.FromHeader.NAME)).getAddress().getURI(),
                    e.getMessage());
            if (exchange.enterTransaction()) exchange.respond(Response.BAD_REQUEST, "Bad credentials: " + e.getMessage());
            return true;
        }
        switch (check.verdict) {
            case WRONG -> {
                refused.incrementAndGet();
                return challenge(exchange, false);
            }
            case STALE -> {
                return challenge(exchange, true);
            }
            default -> { }
        }
        AuthenticatedUser user = check.user;
        for (AddressOfRecord a : claimed.get()) {
            if (!a.equals(user.aor())) {
                forbidden.incrementAndGet();
                if (exchange.enterTransaction()) {
                    exchange.respond(Response.FORBIDDEN, "Authenticated as " + user.aor() + ", not " + a);
                }
                return true;
            }
        }
        authenticated.incrementAndGet();
        exchange.authenticatedAs(user);
        if (!register) removeOwnProxyCredentials(request);
        return false;
    }

    private enum Verdict { RIGHT, WRONG, STALE }

    private record Check(Verdict verdict, AuthenticatedUser user) {
    }

    private static final class BrokenCredentials extends Exception {
        final Broken kind;

        BrokenCredentials(Broken kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    private Check check(Request request, AuthorizationHeader auth, long now) throws BrokenCredentials {
        String username = required(auth, "username");
        String nonce = required(auth, "nonce");
        String uri = required(auth, "uri");
        String response = required(auth, "response");
        DigestAlgorithm algorithm = DigestResponses.algorithm(auth.getAlgorithm()).filter(offered::contains)
                .orElseThrow(() -> new BrokenCredentials(Broken.UNKNOWN_ALGORITHM, "algorithm not offered"));
        String qop = auth.getQop();
        if (qop == null || !qop.equalsIgnoreCase(DigestResponses.QOP_AUTH)) {
            throw new BrokenCredentials(Broken.QOP_NOT_AUTH, "qop=auth expected");
        }
        String nc = auth.getParameter("nc");
        if (nc == null || !NONCE_COUNT.matcher(nc).matches()) throw new BrokenCredentials(Broken.NO_NONCE_COUNT, "nc of 8 hex digits expected");
        String cnonce = auth.getCNonce();
        if (cnonce == null || cnonce.isEmpty()) throw new BrokenCredentials(Broken.NO_CNONCE, "cnonce expected");
        if (!sameUri(uri, request.getRequestURI())) {
            throw new BrokenCredentials(Broken.URI_NOT_REQUEST_URI, "uri is not the Request-URI");
        }
        Optional<DigestSecret> secret = users.find(username);
        if (secret.isEmpty()) return new Check(Verdict.WRONG, null);
        String expected = DigestResponses.response(algorithm, secret.get().ha1(algorithm), nonce, nc, cnonce,
                request.getMethod(), uri);
        if (!DigestResponses.matches(expected, response)) return new Check(Verdict.WRONG, null);
        // the password is right: a nonce gone stale, or not ours (another agent's of the domain, or this one's before
        // it restarted), only needs a new one (RFC 2617 §3.2.1: stale=true, "the nonce was invalid, the digest valid")
        if (nonces.check(nonce, now) != Nonces.Verdict.FRESH) return new Check(Verdict.STALE, null);
        if (!counts.advance(nonce, Long.parseLong(nc, 16), now)) return new Check(Verdict.STALE, null);
        AddressOfRecord aor = new AddressOfRecord(secret.get().aor().user(), secret.get().aor().domain());
        return new Check(Verdict.RIGHT, new AuthenticatedUser(aor, algorithm));
    }

    private static String required(AuthorizationHeader auth, String name) throws BrokenCredentials {
        String v = auth.getParameter(name);
        if (v == null || v.isEmpty()) throw new BrokenCredentials(Broken.MISSING_PARAMETER, "no " + name);
        return v;
    }

    private static boolean sameUri(String text, URI requestUri) {
        if (text.equals(requestUri.toString())) return true;
        try {
            return SipFactories.get().addresses().createURI(text).equals(requestUri);
        } catch (ParseException e) {
            return false;
        }
    }

    /** The credentials for this realm, from Authorization (REGISTER) or Proxy-Authorization (the others). */
    private Optional<AuthorizationHeader> ownCredentials(Request request, boolean register) {
        ListIterator<?> headers = request.getHeaders(register ? AuthorizationHeader.NAME : ProxyAuthorizationHeader.NAME);
        while (headers != null && headers.hasNext()) {
            Object h = headers.next();
            if (h instanceof AuthorizationHeader auth && "Digest".equalsIgnoreCase(auth.getScheme())
                    && users.realm().equalsIgnoreCase(auth.getRealm())) {
                return Optional.of(auth);
            }
        }
        return Optional.empty();
    }

    private void removeOwnProxyCredentials(Request request) {
        List<Object> others = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(ProxyAuthorizationHeader.NAME);
        while (headers != null && headers.hasNext()) {
            Object h = headers.next();
            if (!(h instanceof AuthorizationHeader auth) || !users.realm().equalsIgnoreCase(auth.getRealm())) others.add(h);
        }
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        for (Object h : others) request.addHeader((javax.sip.header.Header) h);
    }

    private boolean challenge(ServerExchange exchange, boolean stale) {
        if (!exchange.enterTransaction()) return true;
        challenged.incrementAndGet();
        boolean register = exchange.request().getMethod().equals(Request.REGISTER);
        Response response = exchange.response(register ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED);
        String nonce = nonces.issue(clock.millis());
        HeaderFactory factory = SipFactories.get().headers();
        try {
            for (DigestAlgorithm algorithm : offered) {
                WWWAuthenticateHeader h = register ? factory.createWWWAuthenticateHeader("Digest")
                        : factory.createProxyAuthenticateHeader("Digest");
                h.setRealm(users.realm());
                h.setNonce(nonce);
                h.setAlgorithm(algorithm.sipName());
                h.setQop(DigestResponses.QOP_AUTH);
                if (stale) h.setStale(true);
                response.addHeader(h);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot write a digest challenge for " + users.realm(), e);
        }
        exchange.send(response);
        return true;
    }
}
