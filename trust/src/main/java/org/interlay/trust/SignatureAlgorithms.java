package org.interlay.trust;

/** Which signature algorithm goes with which kind of key (the certificates carry the key's kind). */
final class SignatureAlgorithms {
    private SignatureAlgorithms() {
    }

    static String forKey(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TrustException("keys of kind " + keyAlgorithm + " are not used here (EC P-256 or Ed25519)");
        };
    }
}
