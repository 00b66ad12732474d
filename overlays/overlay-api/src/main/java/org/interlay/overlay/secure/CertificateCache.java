package org.interlay.overlay.secure;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlay.trust.CertificateRefusedException;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Fingerprint;
import org.interlay.trust.Role;
import org.interlay.trust.SignatureVerifier;
import org.interlay.trust.TrustStore;

/**
 * Certificates this node has verified against its authority, by fingerprint, so that a frame can refer to
 * its sender's certificate by fingerprint and the certificate is parsed and checked once, not per frame.
 * The least recently used are forgotten beyond a bound: frames of a forgotten certificate must carry it
 * again. Not thread-safe: a node's scheduler thread owns it.
 */
final class CertificateCache {
    /** A verified certificate: who it names, its key (as a verifier, and itself for key agreement), and until when it may be used. */
    record Verified(CertifiedIdentity identity, SignatureVerifier verifier, PublicKey key, Instant validUntil) {}

    private final TrustStore authority;
    private final Map<Fingerprint, Verified> verified;

    CertificateCache(TrustStore authority, int capacity) {
        this.authority = authority;
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Fingerprint, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The certificate known by this fingerprint and valid at {@code now}, if any. */
    Optional<Verified> known(Fingerprint fingerprint, Instant now) throws FrameRefusedException {
        Verified v = verified.get(fingerprint);
        if (v == null) return Optional.empty();
        if (now.isAfter(v.validUntil())) {
            verified.remove(fingerprint);
            throw new FrameRefusedException(FrameRefusal.CERTIFICATE_NOT_VALID, "certificate " + fingerprint + " expired at " + v.validUntil());
        }
        return Optional.of(v);
    }

    /** The certificate known by this fingerprint if it is valid at {@code now}; never a refusal (for sending). */
    Optional<Verified> validAt(Fingerprint fingerprint, Instant now) {
        Verified v = verified.get(fingerprint);
        return v == null || now.isAfter(v.validUntil()) ? Optional.empty() : Optional.of(v);
    }

    /** Checks a certificate received in a frame (of any role the authority issues) and remembers it. */
    Verified verify(byte[] der, Fingerprint fingerprint, Instant now) throws FrameRefusedException {
        Optional<Verified> cached = known(fingerprint, now);
        if (cached.isPresent()) return cached.get();
        X509Certificate cert;
        CertifiedIdentity identity = null;
        try {
            cert = TrustStore.parse(der);
            for (Role role : Role.values()) {
                try {
                    identity = authority.verify(cert, role, now);
                    break;
                } catch (CertificateRefusedException e) {
                    if (e.reason() != CertificateRefusedException.Reason.WRONG_ROLE) throw e;
                }
            }
        } catch (CertificateRefusedException e) {
            throw new FrameRefusedException(refusal(e.reason()), e.getMessage());
        }
        if (identity == null) throw new FrameRefusedException(FrameRefusal.WRONG_ROLE, "not an end entity's certificate");
        Instant until = cert.getNotAfter().toInstant();
        Instant authorityUntil = authority.authority().getNotAfter().toInstant();
        Verified v = new Verified(identity, SignatureVerifier.of(cert), cert.getPublicKey(), until.isBefore(authorityUntil) ? until : authorityUntil);
        verified.put(fingerprint, v);
        return v;
    }

    int size() {
        return verified.size();
    }

    private static FrameRefusal refusal(CertificateRefusedException.Reason reason) {
        return switch (reason) {
            case MALFORMED -> FrameRefusal.MALFORMED_CERTIFICATE;
            case FOREIGN_AUTHORITY -> FrameRefusal.FOREIGN_AUTHORITY;
            case NOT_YET_VALID, EXPIRED, AUTHORITY_NOT_VALID -> FrameRefusal.CERTIFICATE_NOT_VALID;
            case WRONG_ROLE -> FrameRefusal.WRONG_ROLE;
        };
    }
}
