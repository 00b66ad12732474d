package org.interlay.overlay.node.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A client asks its peer to remove the record under {@code key}; answered by {@link ClientDone}. */
public record ClientRemove(Key key) implements Message {
    public static final MessageType<ClientRemove> TYPE = new MessageType<>(18, "client-remove",
            in -> new ClientRemove(in.key("key")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key);
    }
}
