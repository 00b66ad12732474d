package org.interlay.overlay.rpc;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The response to a request that failed on the peer's side. */
public record ErrorReply(String reason) implements Message {
    public static final MessageType<ErrorReply> TYPE =
            new MessageType<>(1, "error", in -> new ErrorReply(in.string("reason", 1024)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.string(reason.length() > 300 ? reason.substring(0, 300) : reason);
    }
}
