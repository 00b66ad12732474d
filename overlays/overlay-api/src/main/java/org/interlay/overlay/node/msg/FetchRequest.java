package org.interlay.overlay.node.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * Send the record under this key. Without {@code localOnly}, a responsible node that lacks it asks
 * its replicas (it may have just taken over from a node that failed).
 */
public record FetchRequest(Key key, boolean localOnly) implements Message {
    public static final MessageType<FetchRequest> TYPE =
            new MessageType<>(6, "fetch", in -> new FetchRequest(in.key("key"), in.bool("local only")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key).bool(localOnly);
    }
}
