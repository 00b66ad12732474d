package org.interlay.router.sip;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.interlay.log.DropLog;
import org.interlay.trust.CertificateRefusedException;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Role;
import org.interlay.trust.TrustStore;

/**
 * Checks the certificate a TLS peer presents, client or server alike: the JDK's PKIX validation with
 * the authority as the only trust anchor, then {@link TrustStore#verify}: issued by that authority,
 * valid now, for role agent (its name is the domain of its DNS subject alternative name) or router.
 * An accepted peer's identity is recorded in {@link TlsPeers} under its address and port, and its
 * connection gets the idle timeout as read timeout; a refused one is counted by reason and logged
 * through the endpoint's drop log, and its handshake fails.
 */
final class PeerCertificateCheck extends X509ExtendedTrustManager {
    private final TrustStore authority;
    private final X509TrustManager pkix;
    private final InstantSource wall;
    private final TlsPeers peers;
    private final DropLog refused;
    private final int idleTimeoutMillis;

    PeerCertificateCheck(TrustStore authority, InstantSource wall, TlsPeers peers, DropLog refused, int idleTimeoutMillis) {
        this.authority = authority;
        this.pkix = pkixTrusting(authority.authority());
        this.wall = wall;
        this.peers = peers;
        this.refused = refused;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    private static X509TrustManager pkixTrusting(X509Certificate anchor) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("authority", anchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x509) return x509;
            }
            throw new IllegalStateException("the JDK's PKIX trust manager factory made no X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a trust manager for the authority", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, socket, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, socket, false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, null, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, null, false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, false);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {authority.authority()};
    }

    private void check(X509Certificate[] chain, String authType, Socket socket, boolean client) throws CertificateException {
        Object from = socket == null ? "unknown peer" : socket.getRemoteSocketAddress();
        if (chain == null || chain.length == 0) throw refuse("no certificate", from, "presented no certificate");
        try {
            if (client) {
                pkix.checkClientTrusted(chain, authType);
            } else {
                pkix.checkServerTrusted(chain, authType);
            }
        } catch (CertificateException e) {
            throw refuse("not of this authority", from, e.getMessage());
        }
        CertifiedIdentity identity;
        try {
            identity = verify(chain[0]);
        } catch (CertificateRefusedException e) {
            throw refuse(e.reason(), from, e.getMessage());
        }
        if (socket != null) {
            peers.verified(socket.getInetAddress(), socket.getPort(), identity);
            try {
                socket.setSoTimeout(idleTimeoutMillis);
            } catch (java.net.SocketException e) {
                throw new CertificateException("the connection closed during the handshake", e);
            }
        }
    }

    /** The identity of an agent's or a router's certificate of this authority. */
    private CertifiedIdentity verify(X509Certificate cert) {
        try {
            return authority.verify(cert, Role.AGENT, wall.instant());
        } catch (CertificateRefusedException notAgent) {
            if (notAgent.reason() != CertificateRefusedException.Reason.WRONG_ROLE) throw notAgent;
            return authority.verify(cert, Role.ROUTER, wall.instant());
        }
    }

    private CertificateException refuse(Object kind, Object from, String detail) {
        refused.drop(kind, from, "TLS peer refused: " + detail);
        return new CertificateException("TLS peer refused: " + detail);
    }
}
