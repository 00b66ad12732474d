package org.interlay.overlay.secure;

import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.overlay.RecordSignature;
import org.interlay.trust.CertificateProfile;
import org.interlay.trust.CertificateRefusedException;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.TrustException;
import org.interlay.trust.TrustStore;

/**
 * The checks a node of a secure overlay makes before it keeps, copies or hands out a record: the record
 * is signed; the signer's certificate is one the overlay's authority issued and valid now; the signature
 * covers exactly this record's content; the record's kind lets that signer write it (its
 * {@link AccessPolicy}); and it lives no longer than its writer signed for. Certificates already
 * verified are remembered (by fingerprint, a few hundred at most) until they expire, so a record costs
 * one signature check, not two. Thread-safe.
 */
public final class RecordVerifier {
    /** How far the writer's clock may be from ours, when its signing time and lifetime are checked. */
    public static final long MAX_CLOCK_SKEW_MILLIS = 5 * 60_000;

    private final TrustStore authority;
    private final RecordPolicies policies;
    private final InstantSource wall;
    private final VerifiedCertificates verified = new VerifiedCertificates(256);

    public RecordVerifier(TrustStore authority, RecordPolicies policies, InstantSource wall) {
        this.authority = authority;
        this.policies = policies;
        this.wall = wall;
    }

    /**
     * Why {@code r} is refused, or empty when it may be kept.
     *
     * @param nowMillis the holder's clock, on which {@code r.expiresAtMillis()} is counted
     */
    public Optional<String> refusal(Record r, long nowMillis) {
        if (r.signature() == null) return Optional.of("unsigned " + r.kind() + " record");
        RecordSignature s = r.signature();
        Optional<AccessPolicy> policy = policies.policyOf(r.kind());
        if (policy.isEmpty()) return Optional.of("no policy lets anyone write kind '" + r.kind() + "'");
        VerifiedCertificates.Entry signerCert;
        try {
            signerCert = verified.lookup(s.certificate(), wall.instant()).orElseGet(() -> {
                X509Certificate cert = TrustStore.parse(s.certificate());
                CertifiedIdentity id = authority.verify(cert, CertificateProfile.identityOf(cert).role(), wall.instant());
                return verified.remember(s.certificate(), cert, id, authority.authority());
            });
        } catch (CertificateRefusedException e) {
            return Optional.of("signer's certificate refused (" + e.getMessage() + ")");
        } catch (TrustException | IllegalArgumentException e) {
            return Optional.of("signer's certificate names no holder (" + e.getMessage() + ")");
        }
        CertifiedIdentity signer = signerCert.identity();
        if (!signerCert.verifier().verify(SignedRecordContent.of(r, s.signedAtMillis(), s.lifetimeMillis()), s.signature())) {
            return Optional.of("signature does not match the record's content (signer " + signer + ")");
        }
        Optional<String> denied = policy.get().refusal(r, signer);
        if (denied.isPresent()) return denied;
        if (r.expiresAtMillis() - nowMillis > s.lifetimeMillis()) {
            return Optional.of("lives " + (r.expiresAtMillis() - nowMillis) + " ms, longer than the " + s.lifetimeMillis() + " ms signed");
        }
        long wallNow = wall.millis();
        if (s.signedAtMillis() > wallNow + MAX_CLOCK_SKEW_MILLIS) return Optional.of("signed in the future");
        if (s.signedAtMillis() + s.lifetimeMillis() + MAX_CLOCK_SKEW_MILLIS < wallNow) {
            return Optional.of("expired by its signer's lifetime");
        }
        return Optional.empty();
    }
}
