package org.interlay.overlay;

/**
 * How {@link Overlay#join} fails, whatever the algorithm: there was no one to join through (no
 * bootstrap node answered, or the nodes they named did not), or the join was stopped. The message says
 * which, in the algorithm's terms. It carries no stack trace: the callback that notices the failure
 * says nothing about where the join went wrong.
 */
public final class JoinFailedException extends RuntimeException {
    public JoinFailedException(String message) {
        this(message, null);
    }

    public JoinFailedException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
