package org.interlay.chord;

/** A node could not join: no bootstrap node found it a successor that answered, in every attempt. */
public final class JoinFailedException extends RuntimeException {
    public JoinFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
