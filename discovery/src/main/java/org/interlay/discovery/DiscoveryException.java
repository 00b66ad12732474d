package org.interlay.discovery;

/** A discoverer could not start: a socket could not be bound, a stack config could not be read. */
public final class DiscoveryException extends Exception {

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
