package org.interlay.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;

/** A certificate's SHA-256 fingerprint: the digest of its DER encoding, as {@code openssl x509 -fingerprint -sha256} prints it. */
public final class Fingerprint {
    /** The fingerprint's length in bytes. */
    public static final int BYTES = 32;
    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    public static Fingerprint of(X509Certificate cert) {
        try {
            return of(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new TrustException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The fingerprint of a certificate's DER encoding. */
    public static Fingerprint of(byte[] der) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A fingerprint received as bytes (e.g. in a frame that refers to a cached certificate). */
    public static Fingerprint fromBytes(byte[] digest) {
        if (digest.length != BYTES) throw new IllegalArgumentException("a fingerprint is " + BYTES + " bytes, not " + digest.length);
        return new Fingerprint(digest.clone());
    }

    public byte[] bytes() {
        return digest.clone();
    }

    /** Lower-case hex, no separators. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    /** Upper-case hex pairs separated by colons, as OpenSSL prints fingerprints. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}
