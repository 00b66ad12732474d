package org.interlay.trust;

import javax.crypto.SecretKey;

/**
 * The two MAC keys two certificate holders share (see {@link PairKeyAgreement}): one for what this holder
 * sends to the other, one for what it receives from it. Each is bound to the direction: a MAC made with
 * one never checks under the other. The key bytes are never printed.
 */
public final class PairKeys {
    /** The MAC the keys are made for (JCA name). */
    public static final String MAC_ALGORITHM = "HmacSHA256";
    /** The keys' length in bytes (SHA-256's output, RFC 2104 §3). */
    public static final int KEY_BYTES = 32;

    private final SecretKey sending;
    private final SecretKey receiving;

    PairKeys(SecretKey sending, SecretKey receiving) {
        this.sending = sending;
        this.receiving = receiving;
    }

    /** The key of what this holder sends to the peer. */
    public SecretKey sending() {
        return sending;
    }

    /** The key of what this holder receives from the peer. */
    public SecretKey receiving() {
        return receiving;
    }

    @Override
    public String toString() {
        return "PairKeys[" + MAC_ALGORITHM + ", two directions]";
    }
}
