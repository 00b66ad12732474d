package org.interlay.overlay.node.msg;

import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.time.Clock;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The answer to a {@link FetchRequest}: the record (possibly a tombstone), or nothing. */
public record FetchReply(Optional<Record> record, Clock clock) implements Message {
    public static MessageType<FetchReply> type(Clock clock) {
        return new MessageType<>(7, "fetch-reply", in -> new FetchReply(
                in.bool("found") ? Optional.of(Record.readFrom(in, clock.nowMillis())) : Optional.empty(), clock));
    }

    @Override
    public int type() {
        return 7;
    }

    @Override
    public void writeTo(WireWriter out) {
        out.bool(record.isPresent());
        record.ifPresent(r -> r.writeTo(out, clock.nowMillis()));
    }
}
