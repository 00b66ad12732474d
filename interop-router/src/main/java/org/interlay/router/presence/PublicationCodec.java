package org.interlay.router.presence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.interlay.router.location.RecordFormatException;

/** Publications as record values: a version line, a line with entity tag and expiry (epoch ms), then the PIDF body. */
public final class PublicationCodec {
    public static final String KIND = "sip-presence";
    private static final String VERSION_LINE = "interlay-presence 1";

    private PublicationCodec() {
    }

    /** The record name of a presentity's publication. */
    public static String recordName(String aor) {
        return "presence:" + aor;
    }

    public static byte[] encode(Publication p) {
        byte[] head = (VERSION_LINE + "\n" + p.etag() + "\t" + p.expiresAt().toEpochMilli() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + p.pidf().length);
        System.arraycopy(p.pidf(), 0, out, head.length, p.pidf().length);
        return out;
    }

    public static Publication decode(byte[] value) throws RecordFormatException {
        int first = indexOf(value, 0);
        int second = first < 0 ? -1 : indexOf(value, first + 1);
        if (second < 0 || !new String(value, 0, first, StandardCharsets.UTF_8).equals(VERSION_LINE)) {
            throw new RecordFormatException("not a presence record");
        }
        String[] f = new String(value, first + 1, second - first - 1, StandardCharsets.UTF_8).split("\t", -1);
        if (f.length != 2) throw new RecordFormatException("presence record header has " + f.length + " fields");
        try {
            return new Publication(f[0], Instant.ofEpochMilli(Long.parseLong(f[1])),
                    Arrays.copyOfRange(value, second + 1, value.length));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("bad presence record header", e);
        }
    }

    private static int indexOf(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == '\n') return i;
        }
        return -1;
    }
}
