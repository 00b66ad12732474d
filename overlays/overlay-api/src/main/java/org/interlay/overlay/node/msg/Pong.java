package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** Here I am. */
public record Pong() implements Message {
    public static final MessageType<Pong> TYPE = new MessageType<>(9, "pong", in -> new Pong());

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) { }
}
