package org.interlay.overlay.secure;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.interlay.trust.PairKeys;

/**
 * HMAC-SHA256 (the JDK's) over a frame's authenticated bytes, under a key of {@link PairKeys}; checked in
 * constant time ({@link MessageDigest#isEqual}). One Mac object, initialised per frame. Not thread-safe: a
 * node's scheduler thread owns it.
 */
final class FrameMac {
    /** A MAC's length in bytes: HMAC-SHA256 untruncated. */
    static final int BYTES = 32;
    private final Mac mac;

    FrameMac() {
        try {
            mac = Mac.getInstance(PairKeys.MAC_ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + PairKeys.MAC_ALGORITHM, e);
        }
    }

    byte[] of(SecretKey key, byte[] data, int offset, int length) {
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a key agreed for " + PairKeys.MAC_ALGORITHM + " is refused by it", e);
        }
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    /** Whether {@code tag} is the MAC of the bytes under {@code key}. */
    boolean verifies(SecretKey key, byte[] data, int offset, int length, byte[] tag) {
        return MessageDigest.isEqual(of(key, data, offset, length), tag);
    }
}
