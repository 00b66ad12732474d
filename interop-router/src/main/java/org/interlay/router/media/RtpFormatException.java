package org.interlay.router.media;

/** Bytes that are not an RTP packet. */
public final class RtpFormatException extends Exception {
    public RtpFormatException(String message) {
        super(message);
    }
}
