package org.interlay.router.sip;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import org.interlay.trust.Credentials;

/**
 * The {@link SSLContext} of one endpoint: it presents the holder's certificate alone (every peer holds
 * the authority's, the only trust anchor) through the JDK's key manager over an in-memory key store ({@link OwnCertificate}), and checks peers with a
 * {@link PeerCertificateCheck}. Nothing global is read or set (no javax.net.ssl system properties,
 * no default context).
 */
final class TlsContexts {
    private static final char[] IN_MEMORY = new char[0];
    private static final String ALIAS = "self";

    private TlsContexts() {
    }

    static SSLContext of(Credentials credentials, PeerCertificateCheck peers, SecureRandom random) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, credentials.key(), IN_MEMORY,
                    new X509Certificate[] {credentials.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            X509KeyManager jdk = null;
            for (KeyManager m : keyManagers.getKeyManagers()) {
                if (m instanceof X509KeyManager x509) jdk = x509;
            }
            if (jdk == null) throw new IllegalStateException("the JDK's key manager factory made no X.509 key manager");
            context.init(new KeyManager[] {new OwnCertificate(jdk, ALIAS)}, new TrustManager[] {peers}, random);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context of " + credentials.identity(), e);
        }
    }
}
