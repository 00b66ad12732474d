package org.interlay.router.presence;

/** A PUBLISH the presence agent refuses, with the SIP status that says why (412 for a stale entity tag). */
public final class PublishRefusedException extends Exception {
    private final int status;

    public PublishRefusedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
