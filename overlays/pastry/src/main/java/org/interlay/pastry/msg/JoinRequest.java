package org.interlay.pastry.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * A step of a join (section 2.4): the node joining with id {@code joiner} asks a node on the route
 * towards its id for its routing decision and its state. The first node asked also sends its
 * neighbourhood set.
 */
public record JoinRequest(Key joiner, boolean wantNeighbourhood) implements Message {
    public static final MessageType<JoinRequest> TYPE = new MessageType<>(64, "pastry-join",
            in -> new JoinRequest(in.key("joiner"), in.bool("want neighbourhood")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(joiner).bool(wantNeighbourhood);
    }
}
