package org.interlay.pastry.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * A node that has joined tells a node of its state that it exists (section 2.4), with the round trip
 * it measured to that node ({@link #UNMEASURED} if none), so the receiver can weigh it for its routing
 * table by proximity without a probe of its own. Answered by a {@link LeafSetReply}, with the receiver's
 * leaf set when {@code wantLeafSet}, so nodes that join side by side learn of each other.
 */
public record Announce(int rttMillis, boolean wantLeafSet) implements Message {
    public static final int UNMEASURED = -1;
    public static final MessageType<Announce> TYPE = new MessageType<>(66, "pastry-announce",
            in -> new Announce((int) in.i64InRange("rtt", UNMEASURED, Integer.MAX_VALUE - 1), in.bool("want leaf set")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.i64(rttMillis).bool(wantLeafSet);
    }
}
