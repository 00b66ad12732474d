package org.interlay.router.location;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Binding sets as record values: UTF-8 lines, a version line then one line per contact of five
 * tab-separated fields (expiry in epoch milliseconds, q in thousandths, CSeq, Call-ID, contact URI).
 * Expiries are wall-clock times so that every peer reads them the same.
 */
public final class BindingCodec {
    public static final String KIND = "sip-binding";
    private static final String VERSION_LINE = "interlay-binding 1";

    private BindingCodec() {
    }

    public static byte[] encode(BindingSet set) {
        StringBuilder out = new StringBuilder(VERSION_LINE).append('\n');
        for (Binding b : set.bindings()) {
            out.append(b.expiresAt().toEpochMilli()).append('\t').append(b.q()).append('\t').append(b.cseq())
                    .append('\t').append(b.callId()).append('\t').append(b.contact()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static BindingSet decode(AddressOfRecord aor, byte[] value) throws RecordFormatException {
        String[] lines = new String(value, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(VERSION_LINE) || !lines[lines.length - 1].isEmpty()) {
            throw new RecordFormatException("not a binding record of " + aor);
        }
        if (lines.length - 2 > BindingSet.MAX_BINDINGS) {
            throw new RecordFormatException("too many contacts in the binding record of " + aor);
        }
        List<Binding> bindings = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 5) throw new RecordFormatException("binding line " + i + " of " + aor + " has " + f.length + " fields");
            try {
                bindings.add(new Binding(f[4], Instant.ofEpochMilli(Long.parseLong(f[0])), Integer.parseInt(f[1]),
                        f[3], Long.parseLong(f[2])));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new RecordFormatException("bad binding line " + i + " of " + aor, e);
            }
        }
        return new BindingSet(aor, bindings);
    }
}
