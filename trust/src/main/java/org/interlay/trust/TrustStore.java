package org.interlay.trust;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.interlay.trust.CertificateRefusedException.Reason;

/**
 * The authority a deployment trusts, and the check of a certificate against it: signed by the
 * authority (issuer name and signature), within its validity period and the authority's at the instant
 * given, an end entity (not a CA) naming a valid identity of the role expected. Thread-safe.
 */
public final class TrustStore {
    private final X509Certificate authority;
    /** The authority's key in the provider's own form, so that checking a certificate costs one signature check. */
    private final PublicKey authorityKey;

    public TrustStore(X509Certificate authority) {
        this.authority = Objects.requireNonNull(authority, "authority");
        if (authority.getBasicConstraints() < 0) throw new TrustException("a trust store needs a certificate authority's certificate");
        this.authorityKey = SignatureAlgorithms.ownForm(authority.getPublicKey(), PublicKey.class);
    }

    /** The trust store of the authority certificate {@code ca.pem} in {@code dir}. */
    public static TrustStore load(Path dir) {
        return new TrustStore(PemFiles.readCertificate(TrustDirectory.authorityCertificate(dir)));
    }

    public X509Certificate authority() {
        return authority;
    }

    /**
     * The identity {@code cert} names, if it is one this authority issued for {@code expected}, valid at
     * {@code now}; otherwise a {@link CertificateRefusedException} with the reason.
     */
    public CertifiedIdentity verify(X509Certificate cert, Role expected, Instant now) {
        if (!cert.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
            throw new CertificateRefusedException(Reason.FOREIGN_AUTHORITY, "issued by " + cert.getIssuerX500Principal().getName()
                    + ", not by this authority (" + authority.getSubjectX500Principal().getName() + ")");
        }
        try {
            cert.verify(authorityKey, SignatureAlgorithms.provider());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateRefusedException(Reason.FOREIGN_AUTHORITY, "not signed by this authority's key");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new CertificateRefusedException(Reason.NOT_YET_VALID, "valid only from " + cert.getNotBefore().toInstant() + ", not at " + now);
        }
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new CertificateRefusedException(Reason.EXPIRED, "expired at " + cert.getNotAfter().toInstant() + " (checked at " + now + ")");
        }
        if (!within(authority, now)) {
            throw new CertificateRefusedException(Reason.AUTHORITY_NOT_VALID, "the authority's certificate is valid only "
                    + authority.getNotBefore().toInstant() + " .. " + authority.getNotAfter().toInstant() + ", not at " + now);
        }
        CertifiedIdentity identity;
        try {
            identity = CertificateProfile.identityOf(cert);
        } catch (TrustException e) {
            throw new CertificateRefusedException(cert.getBasicConstraints() >= 0 ? Reason.WRONG_ROLE : Reason.MALFORMED, e.getMessage());
        }
        if (identity.role() != expected) {
            throw new CertificateRefusedException(Reason.WRONG_ROLE, "a certificate of role " + identity.role().label()
                    + " where role " + expected.label() + " is needed");
        }
        return identity;
    }

    /** As {@link #verify(X509Certificate, Role, Instant)}, for a certificate received as DER bytes (e.g. in a frame). */
    public CertifiedIdentity verify(byte[] der, Role expected, Instant now) {
        return verify(parse(der), expected, now);
    }

    /** Whether {@link #verify} accepts the certificate. */
    public boolean accepts(X509Certificate cert, Role expected, Instant now) {
        try {
            verify(cert, expected, now);
            return true;
        } catch (CertificateRefusedException e) {
            return false;
        }
    }

    /** A certificate from DER bytes; a CertificateRefusedException (MALFORMED) if they are not one. */
    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateRefusedException(Reason.MALFORMED, "not an X.509 certificate: " + e.getMessage());
        }
    }

    private static boolean within(X509Certificate cert, Instant now) {
        return !now.isBefore(cert.getNotBefore().toInstant()) && !now.isAfter(cert.getNotAfter().toInstant());
    }
}
