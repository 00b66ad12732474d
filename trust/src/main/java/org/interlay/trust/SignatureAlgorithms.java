package org.interlay.trust;

/**
 * Which signature algorithm goes with which kind of key (the certificates carry the key's kind), and
 * who computes it: BouncyCastle's provider, used directly and never installed as a JDK-wide provider.
 * On Java 17 it signs and checks ECDSA P-256 six to ten times faster than the JDK's own (about 90 us
 * against 570 us to sign and 1,060 us to check, measured on the build machine), and every overlay
 * frame of a secure overlay is signed and checked once.
 *
 * <p>Keys are handed to it in its own form ({@link #ownForm}), made once per key: given a key of the
 * JDK's classes, BouncyCastle converts it at every signature and check and builds its tables for the
 * curve's points anew each time (three to five times the cost of a signature with its own key object,
 * whose tables it keeps).
 */
final class SignatureAlgorithms {
    private static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private SignatureAlgorithms() {
    }

    /** The provider that computes every signature and check here (also of certificates, {@link TrustStore}). */
    static java.security.Provider provider() {
        return PROVIDER;
    }

    /** A new, uninitialised signature object for {@code algorithm} (one of {@link #forKey}'s). */
    static java.security.Signature signature(String algorithm) throws java.security.NoSuchAlgorithmException {
        return java.security.Signature.getInstance(algorithm, PROVIDER);
    }

    /**
     * {@code key} as BouncyCastle's own key object, so that its precomputed tables are kept from one
     * signature to the next; the key as given if the provider does not take keys of its kind.
     */
    static <K extends java.security.Key> K ownForm(K key, Class<K> kind) {
        try {
            java.security.Key own = java.security.KeyFactory.getInstance(key.getAlgorithm(), PROVIDER).translateKey(key);
            return kind.isInstance(own) ? kind.cast(own) : key;
        } catch (java.security.GeneralSecurityException e) {
            return key;
        }
    }

    static String forKey(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TrustException("keys of kind " + keyAlgorithm + " are not used here (EC P-256 or Ed25519)");
        };
    }
}
