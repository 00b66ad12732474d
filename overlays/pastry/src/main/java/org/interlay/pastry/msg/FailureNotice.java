package org.interlay.pastry.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * One-way: the sender found node {@code failed}, one of its leaves, unresponsive; the members of the
 * failed node's leaf set (the sender's leaves) are notified so they update theirs (section 2.4).
 */
public record FailureNotice(Key failed) implements Message {
    public static final MessageType<FailureNotice> TYPE = new MessageType<>(72, "pastry-failure",
            in -> new FailureNotice(in.key("failed")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(failed);
    }
}
