package org.interlay.overlay.node.msg;

import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * A recursive lookup in transit: each node acknowledges it with a {@link Pong}, then forwards it or,
 * knowing the responsible node, tells the origin with {@link RouteDone}. {@code path} is the route so far.
 */
public record RouteForward(long lookupId, Key key, NodeRef origin, List<NodeRef> path) implements Message {
    public static final int MAX_PATH = 64;
    public static final MessageType<RouteForward> TYPE = new MessageType<>(10, "route-forward",
            in -> new RouteForward(in.i64("lookup id"), in.key("key"), in.node("origin"), in.nodes("path", MAX_PATH)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.i64(lookupId).key(key).node(origin).nodes(path);
    }
}
