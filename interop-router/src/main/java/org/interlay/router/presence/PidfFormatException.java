package org.interlay.router.presence;

/** A body that is not a well-formed PIDF document (RFC 3863). */
public final class PidfFormatException extends Exception {
    public PidfFormatException(String message) {
        super(message);
    }

    public PidfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
