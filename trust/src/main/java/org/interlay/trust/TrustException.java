package org.interlay.trust;

/** A trust file, certificate or key that cannot be used; the message says which and why, in one line. */
public class TrustException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrustException(String message) {
        super(message);
    }

    public TrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
