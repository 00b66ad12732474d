package org.interlay.trust;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Checks signatures made by a {@link Signer}. Every failure is a {@code false}: a signature over other
 * bytes, by another key, cut short or not a signature at all. Thread-safe.
 */
public final class SignatureVerifier {
    private final PublicKey key;
    private final String algorithm;

    public SignatureVerifier(PublicKey key) {
        this.algorithm = SignatureAlgorithms.forKey(key.getAlgorithm());
        this.key = SignatureAlgorithms.ownForm(key, PublicKey.class);
    }

    /** A verifier for the key a certificate holds (check the certificate first, with a {@link TrustStore}). */
    public static SignatureVerifier of(X509Certificate cert) {
        return new SignatureVerifier(cert.getPublicKey());
    }

    public boolean verify(byte[] data, byte[] signature) {
        try {
            Signature s = SignatureAlgorithms.signature(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature encoding is the signer's fault, not an error here
        }
    }
}
