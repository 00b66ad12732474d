package org.interlay.trust;

/** A certificate that a {@link TrustStore} does not accept, with the reason as a value (for counting) and in words. */
public final class CertificateRefusedException extends TrustException {
    private static final long serialVersionUID = 1L;

    /** Why a certificate is refused. */
    public enum Reason {
        /** Not a certificate: bytes that do not parse, or fields that do not make an identity. */
        MALFORMED,
        /** Not signed by this authority (another authority's, self-signed, or tampered with). */
        FOREIGN_AUTHORITY,
        /** Its validity period has not begun. */
        NOT_YET_VALID,
        /** Its validity period is over. */
        EXPIRED,
        /** The authority's own certificate is outside its validity period. */
        AUTHORITY_NOT_VALID,
        /** A certificate authority's certificate, or one for another role than expected. */
        WRONG_ROLE
    }

    private final Reason reason;

    public CertificateRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
