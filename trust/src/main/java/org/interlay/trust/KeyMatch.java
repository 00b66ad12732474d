package org.interlay.trust;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The check that a private key is the one of a certificate: a signature by the key verifies with the certificate's key. */
final class KeyMatch {
    private static final byte[] PROBE = "key matches certificate".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    static void require(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile) {
        boolean matches;
        try {
            matches = SignatureVerifier.of(cert).verify(PROBE, new Signer(key).sign(PROBE));
        } catch (TrustException e) {
            matches = false;
        }
        if (!matches) throw new TrustException(keyFile + " is not the key of the certificate in " + certFile);
    }
}
