package org.interlay.router.offline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.RecordFormatException;

/**
 * Mailbox indexes as record values: a version line, then one line per message of three tab-separated
 * fields: time stored (epoch ms), its id, how many records hold it.
 */
public final class MailboxIndexCodec {
    public static final String KIND = "sip-offline-index";
    private static final String VERSION_LINE = "interlay-offline-index 1";

    private MailboxIndexCodec() {
    }

    /** The record name of the mailbox index of {@code aor}. */
    public static String recordName(AddressOfRecord aor) {
        return "offline:" + aor;
    }

    public static byte[] encode(MailboxIndex index) {
        StringBuilder out = new StringBuilder(VERSION_LINE).append('\n');
        for (MailboxIndex.Entry e : index.entries()) {
            out.append(e.storedAt().toEpochMilli()).append('\t').append(e.id()).append('\t').append(e.parts()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static MailboxIndex decode(byte[] value, int max) throws RecordFormatException {
        String[] lines = new String(value, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(VERSION_LINE) || !lines[lines.length - 1].isEmpty()) {
            throw new RecordFormatException("not a mailbox index record");
        }
        if (lines.length - 2 > max) throw new RecordFormatException("a mailbox index of more than " + max + " messages");
        List<MailboxIndex.Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 3) throw new RecordFormatException("mailbox index line " + i + " has " + f.length + " fields");
            try {
                entries.add(new MailboxIndex.Entry(Instant.ofEpochMilli(Long.parseLong(f[0])), f[1], Integer.parseInt(f[2])));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new RecordFormatException("bad mailbox index line " + i + ": " + e.getMessage(), e);
            }
        }
        return new MailboxIndex(entries);
    }

    /** Decodes the index of {@code aor}; for error messages that name the user. */
    static MailboxIndex decode(AddressOfRecord aor, byte[] value, int max) throws RecordFormatException {
        try {
            return decode(value, max);
        } catch (RecordFormatException e) {
            throw new RecordFormatException(e.getMessage() + " (mailbox of " + aor + ")", e);
        }
    }
}
