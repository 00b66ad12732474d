package org.interlay.overlay;

import java.util.Arrays;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/**
 * Who vouches for a record, and the signature that says so (RFC 6940 §7.3's signature over a stored
 * value). The certificate travels whole, so any holder can check it without asking anyone; the lifetime
 * is signed as the writer saw it (its wall-clock time of signing and the lifetime from then), because
 * each holder keeps its own expiry on its own clock.
 *
 * @param certificate    the signer's X.509 certificate, DER
 * @param signedAtMillis the signer's wall-clock time of signing, ms since the epoch
 * @param lifetimeMillis how long the record lives from {@code signedAtMillis}
 * @param signature      the signer's signature over the record's {@code SignedRecordContent}
 */
public record RecordSignature(byte[] certificate, long signedAtMillis, long lifetimeMillis, byte[] signature) {
    /** Largest certificate carried: the authority's certificates are some 500 bytes. */
    public static final int MAX_CERTIFICATE = 2048;
    /** Largest signature carried: ECDSA P-256 in DER is at most 72 bytes. */
    public static final int MAX_SIGNATURE = 256;
    /** Longest lifetime a record may be signed for. */
    public static final long MAX_LIFETIME_MILLIS = 365L * 24 * 3600 * 1000;

    public RecordSignature {
        if (certificate == null || signature == null) throw new IllegalArgumentException("a record signature needs a certificate and a signature");
        if (certificate.length > MAX_CERTIFICATE || signature.length > MAX_SIGNATURE) {
            throw new IllegalArgumentException("certificate (" + MAX_CERTIFICATE + ") or signature (" + MAX_SIGNATURE + " bytes) too long");
        }
        if (lifetimeMillis < 0 || lifetimeMillis > MAX_LIFETIME_MILLIS) {
            throw new IllegalArgumentException("a signed lifetime is 0.." + MAX_LIFETIME_MILLIS + " ms: " + lifetimeMillis);
        }
    }

    void writeTo(WireWriter out) {
        out.bytes(certificate).i64(signedAtMillis).i64(lifetimeMillis).bytes(signature);
    }

    static RecordSignature readFrom(WireReader in) throws WireFormatException {
        byte[] cert = in.bytes("signer certificate", MAX_CERTIFICATE);
        long signedAt = in.i64("signing time");
        long lifetime = in.i64InRange("signed lifetime", 0, MAX_LIFETIME_MILLIS);
        byte[] sig = in.bytes("record signature", MAX_SIGNATURE);
        return new RecordSignature(cert, signedAt, lifetime, sig);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSignature s && Arrays.equals(s.certificate, certificate) && s.signedAtMillis == signedAtMillis
                && s.lifetimeMillis == lifetimeMillis && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "signature of " + signature.length + " bytes, signed at " + signedAtMillis + " for " + lifetimeMillis + " ms";
    }
}
