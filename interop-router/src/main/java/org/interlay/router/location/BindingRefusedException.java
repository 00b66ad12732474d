package org.interlay.router.location;

/** A registration the registrar refuses, with the SIP status that says why (400, 423, ...). */
public final class BindingRefusedException extends Exception {
    private final int status;
    private final long minExpiresSeconds;

    public BindingRefusedException(int status, String reason) {
        this(status, reason, -1);
    }

    private BindingRefusedException(int status, String reason, long minExpiresSeconds) {
        super(reason);
        this.status = status;
        this.minExpiresSeconds = minExpiresSeconds;
    }

    /** 423 Interval Too Brief, telling the shortest expiry accepted. */
    public static BindingRefusedException tooBrief(long minExpiresSeconds) {
        return new BindingRefusedException(423, "Interval Too Brief", minExpiresSeconds);
    }

    public int status() {
        return status;
    }

    /** The Min-Expires to send with a 423; -1 for other refusals. */
    public long minExpiresSeconds() {
        return minExpiresSeconds;
    }
}
