package org.interlay.router.sip;

/** A client transaction ended without a final response (RFC 3261 Timer F or B). */
public final class SipTimeoutException extends Exception {
    public SipTimeoutException(String message) {
        super(message);
    }
}
