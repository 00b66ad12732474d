package org.interlay.router.location;

/** A record read from the overlay does not hold what its kind says: someone stored garbage under the key. */
public final class RecordFormatException extends Exception {
    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
