package org.interlay.chord.msg;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The answer to {@link FindSuccessor}: the node that succeeds the key. */
public record FoundSuccessor(NodeRef successor) implements Message {
    public static final MessageType<FoundSuccessor> TYPE =
            new MessageType<>(65, "chord-found-successor", in -> new FoundSuccessor(in.node("successor")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.node(successor);
    }
}
