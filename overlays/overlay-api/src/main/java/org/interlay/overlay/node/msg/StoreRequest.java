package org.interlay.overlay.node.msg;

import org.interlay.overlay.Record;
import org.interlay.time.Clock;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * Keep this record. With {@code replicate}, the receiver is asked as the responsible node and copies
 * it to its replica set before answering; without, it is a replica (or a hand-over) and just keeps it.
 */
public record StoreRequest(Record record, boolean replicate, Clock clock) implements Message {
    public static MessageType<StoreRequest> type(Clock clock) {
        return new MessageType<>(4, "store", in -> new StoreRequest(Record.readFrom(in, clock.nowMillis()),
                in.bool("replicate"), clock));
    }

    @Override
    public int type() {
        return 4;
    }

    @Override
    public void writeTo(WireWriter out) {
        record.writeTo(out, clock.nowMillis());
        out.bool(replicate);
    }
}
