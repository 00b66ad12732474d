package org.interlay.overlay.node.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A client asks its peer to look {@code key} up; answered by {@link ClientLookupReply}. */
public record ClientLookup(Key key) implements Message {
    public static final MessageType<ClientLookup> TYPE = new MessageType<>(14, "client-lookup",
            in -> new ClientLookup(in.key("key")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key);
    }
}
