package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A client asks a peer to serve it; answered by {@link ClientWelcome}. */
public record ClientHello() implements Message {
    public static final MessageType<ClientHello> TYPE = new MessageType<>(12, "client-hello", in -> new ClientHello());

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) { }
}
