package org.interlay.trust;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs bytes with a private key: ECDSA P-256 with SHA-256 for EC keys (what the authority issues),
 * Ed25519 for Ed25519 keys, computed by BouncyCastle (see {@link SignatureAlgorithms}). Thread-safe (a new {@link Signature} per call).
 */
public final class Signer {
    private final PrivateKey key;
    private final String algorithm;

    public Signer(PrivateKey key) {
        this.algorithm = SignatureAlgorithms.forKey(key.getAlgorithm());
        this.key = SignatureAlgorithms.ownForm(key, PrivateKey.class);
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = SignatureAlgorithms.signature(algorithm);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new TrustException("cannot sign with this " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    /** The JCA name of the signature algorithm, e.g. {@code SHA256withECDSA}. */
    public String algorithm() {
        return algorithm;
    }
}
