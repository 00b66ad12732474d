package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The entries of the routing table row asked for by a {@link RowRequest}. */
public record RowReply(List<NodeRef> entries) implements Message {
    public static final MessageType<RowReply> TYPE = new MessageType<>(70, "pastry-row",
            in -> new RowReply(in.nodes("entries", RowRequest.MAX_ENTRIES)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(RouteSteps.atMost(entries, RowRequest.MAX_ENTRIES));
    }
}
