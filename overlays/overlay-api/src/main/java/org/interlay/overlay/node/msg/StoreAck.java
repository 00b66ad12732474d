package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The answer to a {@link StoreRequest}: how many nodes now hold the record (this one included). */
public record StoreAck(int copies) implements Message {
    public static final MessageType<StoreAck> TYPE = new MessageType<>(5, "store-ack", in -> new StoreAck(in.u8("copies")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.u8(Math.min(copies, 255));
    }
}
