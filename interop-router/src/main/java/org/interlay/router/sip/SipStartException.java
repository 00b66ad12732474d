package org.interlay.router.sip;

/** A SIP endpoint could not start: its address is taken or unusable, or the stack refused its settings. */
public final class SipStartException extends Exception {
    public SipStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
