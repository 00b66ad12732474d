package org.interlay.router.offline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.RecordFormatException;

/**
 * Stored messages as record values: a version line, eight header lines (id, time stored in epoch
 * milliseconds, From, To, Call-ID, CSeq, Content-Type, Date), then the body's bytes as received.
 */
public final class StoredMessageCodec {
    public static final String KIND = "sip-offline-message";
    private static final String VERSION_LINE = "interlay-offline-message 1";
    private static final int HEADER_LINES = 9;

    private StoredMessageCodec() {
    }

    /** The record name of one stored message of {@code aor} (of its first part, when it has several). */
    public static String recordName(AddressOfRecord aor, String id) {
        return "offline:" + aor + "#" + id;
    }

    /** The record name of part {@code k} (from 1) of a stored message. */
    public static String partName(AddressOfRecord aor, String id, int k) {
        return k == 1 ? recordName(aor, id) : recordName(aor, id) + "/" + k;
    }

    public static byte[] encode(StoredMessage m) {
        String head = String.join("\n", VERSION_LINE, m.id(), Long.toString(m.storedAt().toEpochMilli()), m.from(), m.to(),
                m.callId(), Long.toString(m.cseq()), m.contentType(), m.date()) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + m.body().length);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(m.body());
        return out.toByteArray();
    }

    public static StoredMessage decode(byte[] value) throws RecordFormatException {
        String[] lines = new String[HEADER_LINES];
        int start = 0;
        for (int i = 0; i < HEADER_LINES; i++) {
            int end = indexOf(value, start);
            if (end < 0) throw new RecordFormatException("stored message cut short: " + i + " of " + HEADER_LINES + " header lines");
            lines[i] = new String(value, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
        }
        if (!lines[0].equals(VERSION_LINE)) throw new RecordFormatException("not a stored message record");
        try {
            return new StoredMessage(lines[1], Instant.ofEpochMilli(Long.parseLong(lines[2])), lines[3], lines[4], lines[5],
                    Long.parseLong(lines[6]), lines[7], lines[8], Arrays.copyOfRange(value, start, value.length));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new RecordFormatException("bad stored message header: " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == '\n') return i;
        }
        return -1;
    }
}
