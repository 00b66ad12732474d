package org.interlay.overlay.secure;

/** A frame a secure overlay does not take: the reason to count by, and a line that says what exactly. */
public final class FrameRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FrameRefusal reason;

    public FrameRefusedException(FrameRefusal reason, String detail) {
        super(detail, null, false, false); // refused frames are the sender's fault and frequent: no stack trace
        this.reason = reason;
    }

    public FrameRefusal reason() {
        return reason;
    }
}
