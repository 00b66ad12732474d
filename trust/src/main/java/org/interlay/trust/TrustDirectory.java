package org.interlay.trust;

import java.nio.file.Path;

/**
 * The files of a trust directory. An authority's: {@code ca.pem} and {@code ca-key.pem}. A holder's:
 * {@code ca.pem} (the authority's certificate), {@code <role>.pem} and {@code <role>-key.pem} (e.g.
 * {@code node.pem}, {@code node-key.pem}); a user's also {@code password} and {@code digest-ha1}; when asked for,
 * the same credentials as one PKCS#12 file {@code <role>.p12} and its password in {@code <role>-p12-password}.
 */
public final class TrustDirectory {
    public static final String AUTHORITY_CERTIFICATE = "ca.pem";
    public static final String AUTHORITY_KEY = "ca-key.pem";
    public static final String PASSWORD = "password";
    public static final String DIGEST_HA1 = "digest-ha1";

    private TrustDirectory() {
    }

    public static Path authorityCertificate(Path dir) {
        return dir.resolve(AUTHORITY_CERTIFICATE);
    }

    public static Path authorityKey(Path dir) {
        return dir.resolve(AUTHORITY_KEY);
    }

    public static Path certificate(Path dir, Role role) {
        return dir.resolve(role.label() + ".pem");
    }

    public static Path key(Path dir, Role role) {
        return dir.resolve(role.label() + "-key.pem");
    }

    public static Path pkcs12(Path dir, Role role) {
        return dir.resolve(role.label() + ".p12");
    }

    public static Path pkcs12Password(Path dir, Role role) {
        return dir.resolve(role.label() + "-p12-password");
    }
}
