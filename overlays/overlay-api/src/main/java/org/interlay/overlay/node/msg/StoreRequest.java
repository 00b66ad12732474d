package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * Keep this record. With {@code replicate}, the receiver is asked as the responsible node and copies
 * it to its replica set before answering; without, it is a replica (or a hand-over) and just keeps it.
 */
public record StoreRequest(RecordCopy record, boolean replicate) implements Message {
    public static final MessageType<StoreRequest> TYPE = new MessageType<>(4, "store",
            in -> new StoreRequest(RecordCopy.readFrom(in), in.bool("replicate")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        record.writeTo(out);
        out.bool(replicate);
    }
}
