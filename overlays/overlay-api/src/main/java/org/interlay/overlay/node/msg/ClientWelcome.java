package org.interlay.overlay.node.msg;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A peer's answer to {@link ClientHello}: who it is and what algorithm its overlay runs. */
public record ClientWelcome(NodeRef peer, String algorithm) implements Message {
    public static final MessageType<ClientWelcome> TYPE = new MessageType<>(13, "client-welcome",
            in -> new ClientWelcome(in.node("peer"), in.string("algorithm", 64)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.node(peer).string(algorithm);
    }
}
