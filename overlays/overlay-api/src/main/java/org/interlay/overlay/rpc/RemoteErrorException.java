package org.interlay.overlay.rpc;

/** The peer answered a request with an error (it could not or would not do what was asked). */
public final class RemoteErrorException extends RuntimeException {
    public RemoteErrorException(String message) {
        super(message, null, false, false);
    }
}
