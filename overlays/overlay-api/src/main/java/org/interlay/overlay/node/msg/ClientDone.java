package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A peer has done what its client asked ({@link ClientPut}, {@link ClientRemove}). */
public record ClientDone() implements Message {
    public static final MessageType<ClientDone> TYPE = new MessageType<>(19, "client-done", in -> new ClientDone());

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) { }
}
