package org.interlay.overlay;

/**
 * A secure overlay's node would not keep a record: unsigned, badly signed, written by someone its kind's
 * policy does not allow, or older than the version held. The writer that put it gets this (from the
 * responsible node, as a remote error naming the reason).
 */
public final class RecordRefusedException extends RuntimeException {
    public RecordRefusedException(String message) {
        super(message, null, false, false);
    }
}
