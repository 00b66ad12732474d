package org.interlay.router.ua;

import org.interlay.router.sip.MessageSizeLimit;

/** A MESSAGE body over {@link MessageSizeLimit#BODY_BYTES}: refused before anything is sent. */
public final class MessageTooLargeException extends IllegalArgumentException {
    private final int bytes;

    public MessageTooLargeException(int bytes) {
        super(MessageSizeLimit.refusal(bytes));
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
