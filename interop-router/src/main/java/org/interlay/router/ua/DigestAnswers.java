package org.interlay.router.ua;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Random;
import javax.sip.InvalidArgumentException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.auth.DigestResponses;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.Tags;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestCredential;

/**
 * A user agent's answers to digest challenges (RFC 3261 §22.2, §22.3): from a 401 or 407 to a request,
 * the same request again with the next CSeq, a new branch, and credentials for the challenge of the
 * user's realm, SHA-256 when offered (RFC 8760 §2.4), else MD5; {@code qop=auth}, {@code nc=00000001}
 * and a random cnonce.
 */
final class DigestAnswers {
    private final DigestCredential credential;
    private final Random random;

    DigestAnswers(DigestCredential credential, Random random) {
        this.credential = credential;
        this.random = random;
    }

    static boolean isChallenge(Response r) {
        return r.getStatusCode() == Response.UNAUTHORIZED || r.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
    }

    /** Whether the challenge says the nonce answered went stale (the password was right). */
    static boolean isStale(Response challenge) {
        return challenges(challenge).stream().anyMatch(WWWAuthenticateHeader::isStale);
    }

    /** {@code sent} again, answering {@code challenge}; empty when no challenge is of the user's realm with an algorithm known here. */
    Optional<Request> answer(Request sent, Response challenge) {
        Optional<Chosen> chosen = choose(challenges(challenge));
        if (chosen.isEmpty()) return Optional.empty();
        Request retry = (Request) sent.clone();
        HeaderFactory headers = SipFactories.get().headers();
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        try {
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ((ViaHeader) retry.getHeader(ViaHeader.NAME)).setBranch(Tags.randomBranch());
            retry.removeHeader(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
            byte[] c = new byte[12];
            random.nextBytes(c);
            String cnonce = HexFormat.of().formatHex(c);
            String nc = "00000001";
            String uri = retry.getRequestURI().toString();
            DigestAlgorithm algorithm = chosen.get().algorithm;
            String nonce = chosen.get().header.getNonce();
            AuthorizationHeader auth = proxy ? headers.createProxyAuthorizationHeader("Digest")
                    : headers.createAuthorizationHeader("Digest");
            auth.setUsername(credential.username());
            auth.setRealm(credential.realm());
            auth.setNonce(nonce);
            auth.setURI(retry.getRequestURI());
            auth.setAlgorithm(algorithm.sipName());
            auth.setQop(DigestResponses.QOP_AUTH);
            auth.setNonceCount(1);
            auth.setCNonce(cnonce);
            auth.setResponse(DigestResponses.response(algorithm, credential.ha1(algorithm), nonce, nc, cnonce,
                    retry.getMethod(), uri));
            String opaque = chosen.get().header.getParameter("opaque");
            if (opaque != null) auth.setOpaque(opaque);
            retry.addHeader(auth);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot answer the challenge of " + credential.realm(), e);
        }
        return Optional.of(retry);
    }

    private record Chosen(WWWAuthenticateHeader header, DigestAlgorithm algorithm) {
    }

    private Optional<Chosen> choose(List<WWWAuthenticateHeader> offered) {
        Chosen best = null;
        for (WWWAuthenticateHeader h : offered) {
            if (!"Digest".equalsIgnoreCase(h.getScheme()) || !credential.realm().equalsIgnoreCase(h.getRealm())) continue;
            if (h.getQop() == null || !List.of(h.getQop().split("\\s*,\\s*")).contains(DigestResponses.QOP_AUTH)) continue;
            Optional<DigestAlgorithm> a = DigestResponses.algorithm(h.getAlgorithm());
            if (a.isEmpty()) continue;
            if (best == null || (a.get() == DigestAlgorithm.SHA_256 && best.algorithm != DigestAlgorithm.SHA_256)) {
                best = new Chosen(h, a.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<WWWAuthenticateHeader> challenges(Response r) {
        List<WWWAuthenticateHeader> all = new ArrayList<>();
        String name = r.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED ? ProxyAuthenticateHeader.NAME
                : WWWAuthenticateHeader.NAME;
        ListIterator<?> it = r.getHeaders(name);
        while (it != null && it.hasNext()) {
            if (it.next() instanceof WWWAuthenticateHeader h) all.add(h);
        }
        return all;
    }
}
