package org.interlay.trust;

/** The digest algorithms SIP agents offer: SHA-256 (RFC 8760) and MD5 (RFC 3261), by their names in SIP and in Java. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String sipName;
    private final String javaName;

    DigestAlgorithm(String sipName, String javaName) {
        this.sipName = sipName;
        this.javaName = javaName;
    }

    /** The name in the {@code algorithm} parameter of a challenge. */
    public String sipName() {
        return sipName;
    }

    String javaName() {
        return javaName;
    }
}
