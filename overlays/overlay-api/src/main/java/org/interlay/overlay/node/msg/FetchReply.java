package org.interlay.overlay.node.msg;

import java.util.Optional;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The answer to a {@link FetchRequest}: the record (possibly a tombstone), or nothing. */
public record FetchReply(Optional<RecordCopy> record) implements Message {
    public static final MessageType<FetchReply> TYPE = new MessageType<>(7, "fetch-reply",
            in -> new FetchReply(in.bool("found") ? Optional.of(RecordCopy.readFrom(in)) : Optional.empty()));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.bool(record.isPresent());
        record.ifPresent(r -> r.writeTo(out));
    }
}
