package org.interlay.overlay.wire;

/**
 * A datagram or field that does not decode: too short, too long, a bad magic number or version,
 * an unknown message type, a length that points past the end. Always the sender's fault: the
 * receiver counts it and drops the datagram.
 */
public final class WireFormatException extends Exception {
    public WireFormatException(String message) {
        super(message, null, false, false); // no stack trace: bad input is expected, and frequent under attack
    }
}
