package org.interlay.router.sip;

/** A request could not be sent: no route to its target, or the socket refused it. */
public final class SipTransportException extends Exception {
    public SipTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
