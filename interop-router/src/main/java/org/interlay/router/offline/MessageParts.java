package org.interlay.router.offline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Record;
import org.interlay.router.location.RecordFormatException;

/**
 * A stored message split over up to {@value #MAX_PARTS} records, so that a MESSAGE with a body at
 * the 8 KiB limit ({@code MessageSizeLimit}) and its headers, more than one record holds
 * ({@link Record#MAX_VALUE}), is kept whole. Each part is a line {@code interlay-offline-part k n}
 * (part k of n, from 1) and then its slice of the encoded message.
 */
final class MessageParts {
    static final int MAX_PARTS = 3;
    private static final String PREFIX = "interlay-offline-part ";
    /** Room for the part line ("interlay-offline-part 3 3\n"), with margin. */
    private static final int SLICE = Record.MAX_VALUE - 64;

    /** One part as read: its place, how many there are, its slice. */
    record Part(int index, int count, byte[] slice) {
    }

    private MessageParts() {
    }

    /** Whether an encoded message of {@code length} bytes fits in {@value #MAX_PARTS} records. */
    static boolean fits(int length) {
        return count(length) <= MAX_PARTS;
    }

    static int count(int length) {
        return Math.max(1, (length + SLICE - 1) / SLICE);
    }

    /** The record values of the parts of {@code whole}, in order. */
    static List<byte[]> split(byte[] whole) {
        int n = count(whole.length);
        if (n > MAX_PARTS) throw new IllegalArgumentException("a stored message is at most " + MAX_PARTS * SLICE + " bytes");
        List<byte[]> parts = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((PREFIX + (k + 1) + " " + n + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(Arrays.copyOfRange(whole, k * SLICE, Math.min(whole.length, (k + 1) * SLICE)));
            parts.add(out.toByteArray());
        }
        return parts;
    }

    static Part read(byte[] value) throws RecordFormatException {
        int end = -1;
        for (int i = 0; i < value.length && i < 40; i++) {
            if (value[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) throw new RecordFormatException("not a part of a stored message");
        String line = new String(value, 0, end, StandardCharsets.UTF_8);
        if (!line.startsWith(PREFIX)) throw new RecordFormatException("not a part of a stored message");
        String[] f = line.substring(PREFIX.length()).split(" ", -1);
        try {
            int index = Integer.parseInt(f[0]);
            int count = f.length == 2 ? Integer.parseInt(f[1]) : -1;
            if (count < 1 || count > MAX_PARTS || index < 1 || index > count) {
                throw new RecordFormatException("bad part line of a stored message: " + line);
            }
            return new Part(index, count, Arrays.copyOfRange(value, end + 1, value.length));
        } catch (NumberFormatException e) {
            throw new RecordFormatException("bad part line of a stored message: " + line, e);
        }
    }

    /** The encoded message, from its parts in order; each must say its place and the same count. */
    static byte[] join(List<Part> parts) throws RecordFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            if (p.index() != k + 1 || p.count() != parts.size()) {
                throw new RecordFormatException("stored message parts out of place: part " + p.index() + " of " + p.count()
                        + " found as " + (k + 1) + " of " + parts.size());
            }
            out.writeBytes(p.slice());
        }
        return out.toByteArray();
    }
}
