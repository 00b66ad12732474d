package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireWriter;

/**
 * "Send me row {@code row} of your routing table": the repair of a failed entry (section 2.4) and the
 * periodic row exchange that keeps rows full and close. Carries the sender's own row, so both sides learn.
 */
public record RowRequest(int row, List<NodeRef> entries) implements Message {
    public static final int MAX_ENTRIES = 255;
    public static final MessageType<RowRequest> TYPE = new MessageType<>(69, "pastry-row-request", in -> {
        int row = in.u8("row");
        if (row >= 160) throw new WireFormatException("row " + row + " is beyond any routing table");
        return new RowRequest(row, in.nodes("entries", MAX_ENTRIES));
    });

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.u8(row).nodes(RouteSteps.atMost(entries, MAX_ENTRIES));
    }
}
