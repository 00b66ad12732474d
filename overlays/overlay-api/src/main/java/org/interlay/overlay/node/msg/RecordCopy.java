package org.interlay.overlay.node.msg;

import org.interlay.overlay.Record;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/**
 * A record as one node sends it to another. Two nodes' clocks share no origin, so the expiry travels
 * as time left: {@link #of} takes the sender's reading of its clock when the message is made,
 * {@link #at} the receiver's when the message is taken in. The message holds no clock.
 *
 * @param withTimeLeft the record with its expiry counted from zero: {@code expiresAtMillis()} is the
 *                     time it has left (never negative)
 */
public record RecordCopy(Record withTimeLeft) {
    /** The copy of {@code record} as sent at {@code nowMillis} on the sender's clock. */
    public static RecordCopy of(Record record, long nowMillis) {
        return new RecordCopy(expiringAt(record, Math.max(0, record.expiresAtMillis() - nowMillis)));
    }

    /** The record as kept by the receiver, whose clock reads {@code nowMillis}. */
    public Record at(long nowMillis) {
        return expiringAt(withTimeLeft, nowMillis + withTimeLeft.expiresAtMillis());
    }

    void writeTo(WireWriter out) {
        withTimeLeft.writeTo(out, 0);
    }

    static RecordCopy readFrom(WireReader in) throws WireFormatException {
        return new RecordCopy(Record.readFrom(in, 0));
    }

    private static Record expiringAt(Record r, long expiresAtMillis) {
        return r.expiringAt(expiresAtMillis);
    }
}
