package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** Are you there? Answered by {@link Pong}; also the acknowledgement of a recursive forward. */
public record Ping() implements Message {
    public static final MessageType<Ping> TYPE = new MessageType<>(8, "ping", in -> new Ping());

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) { }
}
