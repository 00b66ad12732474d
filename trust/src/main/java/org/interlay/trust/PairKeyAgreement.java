package org.interlay.trust;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * One holder's side of the keys it shares with each other holder, agreed without a word on the wire:
 * static-static ECDH of the two certificates' P-256 keys (NIST SP 800-56A, C(0e, 2s); computed by
 * BouncyCastle's provider), the shared secret expanded by HKDF-SHA256 (RFC 5869, BouncyCastle's
 * {@code HKDFBytesGenerator}, no salt) into one key per direction. A direction's key is bound to both
 * certificates: its HKDF info is {@code "interlay frame mac" | sender's fingerprint | receiver's fingerprint},
 * so what one holder sends to the other cannot be taken as sent the other way, nor between any other pair.
 *
 * <p>Only certificates whose key is EC on P-256 agree keys (an Ed25519 certificate has none here: its
 * frames keep their signatures). The agreement costs an EC point multiplication: do it once per pair and
 * keep the keys. Thread-safe.
 */
public final class PairKeyAgreement {
    private static final byte[] LABEL = "interlay frame mac".getBytes(StandardCharsets.US_ASCII);
    private static final ECParameterSpec P256 = p256();

    private final PrivateKey key;
    private final Fingerprint fingerprint;

    private PairKeyAgreement(PrivateKey key, Fingerprint fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /** The agreement of these credentials' key; empty if it is not EC P-256. */
    public static Optional<PairKeyAgreement> of(Credentials credentials) {
        if (!isP256(credentials.key())) return Optional.empty();
        return Optional.of(new PairKeyAgreement(SignatureAlgorithms.ownForm(credentials.key(), PrivateKey.class),
                credentials.fingerprint()));
    }

    /** Whether a key is EC on P-256 (secp256r1), the curve keys are agreed on. */
    public static boolean isP256(Key key) {
        if (!(key instanceof ECKey ec) || ec.getParams() == null) return false;
        ECParameterSpec p = ec.getParams();
        return p.getCurve().equals(P256.getCurve()) && p.getOrder().equals(P256.getOrder())
                && p.getGenerator().equals(P256.getGenerator()) && p.getCofactor() == P256.getCofactor();
    }

    /**
     * The keys shared with the holder of the certificate of {@code theirFingerprint}, whose key is
     * {@code theirs} (check the certificate first); empty if that key is not EC P-256.
     */
    public Optional<PairKeys> with(PublicKey theirs, Fingerprint theirFingerprint) {
        if (!isP256(theirs)) return Optional.empty();
        byte[] secret;
        try {
            KeyAgreement ka = KeyAgreement.getInstance("ECDH", SignatureAlgorithms.provider());
            ka.init(key);
            ka.doPhase(SignatureAlgorithms.ownForm(theirs, PublicKey.class), true);
            secret = ka.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            return Optional.empty(); // a point the provider will not take: no keys, the frames stay signed
        }
        try {
            return Optional.of(new PairKeys(expand(secret, fingerprint, theirFingerprint), expand(secret, theirFingerprint, fingerprint)));
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    private static SecretKeySpec expand(byte[] secret, Fingerprint sender, Fingerprint receiver) {
        byte[] info = new byte[LABEL.length + 2 * Fingerprint.BYTES];
        System.arraycopy(LABEL, 0, info, 0, LABEL.length);
        System.arraycopy(sender.bytes(), 0, info, LABEL.length, Fingerprint.BYTES);
        System.arraycopy(receiver.bytes(), 0, info, LABEL.length + Fingerprint.BYTES, Fingerprint.BYTES);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null, info));
        byte[] okm = new byte[PairKeys.KEY_BYTES];
        hkdf.generateBytes(okm, 0, okm.length);
        return new SecretKeySpec(okm, PairKeys.MAC_ALGORITHM);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has EC on secp256r1", e);
        }
    }
}
