package org.interlay.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SIP user's digest password (RFC 3261 §22): the user name is the address of record's user part, the
 * realm its domain. The password is random; the agent stores only the {@link DigestSecret} (the HA1
 * values), the user keeps the password.
 *
 * @param aor      whose password
 * @param password the password
 */
public record DigestCredential(Aor aor, String password) {
    public DigestCredential {
        Objects.requireNonNull(aor, "aor");
        if (password == null || password.isEmpty()) throw new IllegalArgumentException("a digest password is not empty");
    }

    public static DigestCredential random(Aor aor, SecureRandom random) {
        return new DigestCredential(aor, Passwords.random(random));
    }

    /** The digest user name: the address of record's user part. */
    public String username() {
        return aor.user();
    }

    /** The digest realm: the address of record's domain. */
    public String realm() {
        return aor.domain();
    }

    /** HA1 = H(username ":" realm ":" password) in lower-case hex (RFC 3261 §22.4 with RFC 2617 §3.2.2.2; RFC 8760 §2 for SHA-256). */
    public String ha1(DigestAlgorithm algorithm) {
        try {
            byte[] d = MessageDigest.getInstance(algorithm.javaName())
                    .digest((username() + ":" + realm() + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm.javaName(), e);
        }
    }

    /** What the agent stores: the HA1 of every algorithm, not the password. */
    public DigestSecret secret() {
        return new DigestSecret(aor, ha1(DigestAlgorithm.MD5), ha1(DigestAlgorithm.SHA_256));
    }

    @Override
    public String toString() {
        return "DigestCredential[" + aor + ", password hidden]";
    }
}
