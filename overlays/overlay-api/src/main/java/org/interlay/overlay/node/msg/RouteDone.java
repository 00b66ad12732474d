package org.interlay.overlay.node.msg;

import java.util.List;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.WireWriter;

/** The end of a recursive lookup, sent to its origin: the route, whose last node is the responsible one. */
public record RouteDone(long lookupId, List<NodeRef> route) implements Message {
    public static final MessageType<RouteDone> TYPE = new MessageType<>(11, "route-done", in -> {
        long id = in.i64("lookup id");
        List<NodeRef> route = in.nodes("route", RouteForward.MAX_PATH + 1);
        if (route.isEmpty()) throw new WireFormatException("a finished route names at least the responsible node");
        return new RouteDone(id, route);
    });

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.i64(lookupId).nodes(route);
    }
}
