package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * "Send me your leaf set" (section 2.4, repair of a failed leaf; also the periodic exchange between
 * leaves). Carries the sender's own leaf set, so both sides learn.
 */
public record LeafSetRequest(List<NodeRef> leaves) implements Message {
    public static final MessageType<LeafSetRequest> TYPE = new MessageType<>(67, "pastry-leafset-request",
            in -> new LeafSetRequest(in.nodes("leaves", LeafSetReply.MAX_LEAVES)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(RouteSteps.atMost(leaves, LeafSetReply.MAX_LEAVES));
    }
}
