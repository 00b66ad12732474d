package org.interlay.router.sip;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.interlay.trust.Credentials;

/**
 * The {@link SSLContext} of one endpoint: it presents the holder's certificate (with the authority's
 * after it) through the JDK's key manager over an in-memory key store, and checks peers with a
 * {@link PeerCertificateCheck}. Nothing global is read or set (no javax.net.ssl system properties,
 * no default context).
 */
final class TlsContexts {
    private static final char[] IN_MEMORY = new char[0];

    private TlsContexts() {
    }

    static SSLContext of(Credentials credentials, PeerCertificateCheck peers, SecureRandom random) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("self", credentials.key(), IN_MEMORY,
                    new X509Certificate[] {credentials.certificate(), credentials.authority()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), new TrustManager[] {peers}, random);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context of " + credentials.identity(), e);
        }
    }
}
