package org.interlay.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.interlay.trust.DigestAlgorithm;

/**
 * The digest "response" both sides compute (RFC 3261 §22.4 with RFC 2617 §3.2.2.1; RFC 8760 for
 * SHA-256), with {@code qop=auth}: H(HA1 ":" nonce ":" nc ":" cnonce ":" "auth" ":" HA2), where HA2 is
 * H(method ":" digest-uri). The hashes are the JDK's {@link MessageDigest}.
 */
public final class DigestResponses {
    public static final String QOP_AUTH = "auth";

    private DigestResponses() {
    }

    /** The algorithm an {@code algorithm} parameter names; none (absent) is MD5 (RFC 2617 §3.2.1). */
    public static Optional<DigestAlgorithm> algorithm(String name) {
        if (name == null || name.isEmpty()) return Optional.of(DigestAlgorithm.MD5);
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            if (a.sipName().equalsIgnoreCase(name)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** The response for {@code qop=auth}, in lower-case hex. */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
                                  String method, String digestUri) {
        String ha2 = hash(algorithm, method + ":" + digestUri);
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + QOP_AUTH + ":" + ha2);
    }

    /** Whether {@code response} (any case of hex) is the one expected, compared in constant time. */
    public static boolean matches(String expected, String response) {
        return response != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(DigestAlgorithm algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.sipName()).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm.sipName(), e);
        }
    }
}
