package org.interlay.trust;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** New key pairs: ECDSA on P-256 (secp256r1), made by the JDK's provider from the randomness given. */
final class KeyPairs {
    private KeyPairs() {
    }

    static KeyPair ecP256(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has EC on secp256r1", e);
        }
    }
}
