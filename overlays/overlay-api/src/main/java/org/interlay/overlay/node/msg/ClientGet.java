package org.interlay.overlay.node.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A client asks its peer for the live record under {@code key}; answered by {@link FetchReply} (never a tombstone). */
public record ClientGet(Key key) implements Message {
    public static final MessageType<ClientGet> TYPE = new MessageType<>(16, "client-get",
            in -> new ClientGet(in.key("key")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key);
    }
}
