package org.interlay.router.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces (RFC 7616 §3.3 suggests a time stamp and a keyed hash): a nonce is the
 * instant it was issued, a serial number (two challenges in the same millisecond get different nonces,
 * so their nonce-counts are told apart) and an HMAC-SHA256, under a key of this agent only, over both
 * and the realm; base64url. The agent keeps nothing per challenge: any nonce it made checks out until it is
 * {@code lifetime} old, then it is stale (answered with {@code stale=true}, RFC 3261 §22.1 via RFC 2617
 * §3.2.1); anything else is forged.
 */
public final class Nonces {
    private static final String MAC = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final int STAMP_BYTES = 2 * Long.BYTES;
    private static final int NONCE_BYTES = STAMP_BYTES + MAC_BYTES;
    /** How far ahead of this agent's clock a nonce's instant may be (none of ours is: a forged one). */
    private static final long FUTURE_SLACK_MILLIS = 1_000;

    /** What a nonce is worth now. */
    public enum Verdict { FRESH, STALE, FORGED }

    private final SecretKeySpec key;
    private final String realm;
    private final long lifetimeMillis;
    private final AtomicLong serial = new AtomicLong();

    /** @param key the HMAC key, at least 16 bytes, kept by this agent only */
    public Nonces(byte[] key, String realm, Duration lifetime) {
        if (key.length < 16) throw new IllegalArgumentException("a nonce key has at least 16 bytes");
        if (lifetime.toMillis() < 1_000) throw new IllegalArgumentException("a nonce lives at least a second: " + lifetime);
        this.key = new SecretKeySpec(key.clone(), MAC);
        this.realm = realm;
        this.lifetimeMillis = lifetime.toMillis();
    }

    /** Nonces under a new random key. */
    public static Nonces random(SecureRandom random, String realm, Duration lifetime) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new Nonces(key, realm, lifetime);
    }

    /** A nonce issued at {@code nowMillis}. */
    public String issue(long nowMillis) {
        byte[] stamp = ByteBuffer.allocate(STAMP_BYTES).putLong(nowMillis).putLong(serial.incrementAndGet()).array();
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES).put(stamp).put(mac(stamp));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    public Verdict check(String nonce, long nowMillis) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Verdict.FORGED;
        }
        if (raw.length != NONCE_BYTES) return Verdict.FORGED;
        long issued = ByteBuffer.wrap(raw).getLong();
        if (!MessageDigest.isEqual(mac(Arrays.copyOf(raw, STAMP_BYTES)), Arrays.copyOfRange(raw, STAMP_BYTES, NONCE_BYTES))) {
            return Verdict.FORGED;
        }
        if (issued > nowMillis + FUTURE_SLACK_MILLIS) return Verdict.FORGED;
        return nowMillis - issued > lifetimeMillis ? Verdict.STALE : Verdict.FRESH;
    }

    /** When {@code nonce} (one that checked out) was issued. */
    static long issuedMillis(String nonce) {
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce)).getLong();
    }

    long lifetimeMillis() {
        return lifetimeMillis;
    }

    private byte[] mac(byte[] stamp) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(stamp);
            mac.update(realm.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + MAC, e);
        }
    }
}
