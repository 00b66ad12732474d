package org.interlay.overlay.node.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** One step of an iterative lookup: "what is your routing decision for this key?" */
public record RouteQuery(Key key) implements Message {
    public static final MessageType<RouteQuery> TYPE =
            new MessageType<>(2, "route-query", in -> new RouteQuery(in.key("key")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key);
    }
}
