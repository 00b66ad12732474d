package org.interlay.discovery.mdns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads the resource records of a DNS message (RFC 1035 §4.1), enough to check what a responder sends. */
final class DnsRecords {

    static final int A = 1;
    static final int PTR = 12;
    static final int TXT = 16;
    static final int SRV = 33;

    /** One record: its owner name, type, TTL in seconds and, for PTR, the name it points to. */
    record Record(String owner, int type, long ttl, String target) {
    }

    private DnsRecords() {
    }

    static String typeName(int type) {
        return switch (type) {
            case A -> "A";
            case PTR -> "PTR";
            case TXT -> "TXT";
            case SRV -> "SRV";
            default -> "TYPE" + type;
        };
    }

    /** The answer, authority and additional records of a message; the questions are skipped. */
    static List<Record> answers(byte[] message, int length) {
        ByteBuffer in = ByteBuffer.wrap(message, 0, length);
        in.position(4);
        int questions = in.getShort() & 0xffff;
        int records = (in.getShort() & 0xffff) + (in.getShort() & 0xffff) + (in.getShort() & 0xffff);
        int at = 12;
        for (int q = 0; q < questions; q++) {
            at = skipName(message, at) + 4;
        }
        List<Record> out = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            String owner = name(message, at);
            at = skipName(message, at);
            in.position(at);
            int type = in.getShort() & 0xffff;
            in.getShort();
            long ttl = in.getInt() & 0xffffffffL;
            int rdLength = in.getShort() & 0xffff;
            at = in.position();
            out.add(new Record(owner, type, ttl, type == PTR ? name(message, at) : ""));
            at += rdLength;
        }
        return out;
    }

    private static int skipName(byte[] m, int at) {
        while (true) {
            int len = m[at] & 0xff;
            if (len == 0) {
                return at + 1;
            }
            if ((len & 0xc0) == 0xc0) {
                return at + 2;
            }
            at += len + 1;
        }
    }

    private static String name(byte[] m, int at) {
        StringBuilder name = new StringBuilder();
        for (int hops = 0; hops < 64; hops++) {
            int len = m[at] & 0xff;
            if (len == 0) {
                return name.toString();
            }
            if ((len & 0xc0) == 0xc0) {
                at = ((len & 0x3f) << 8) | (m[at + 1] & 0xff);
                continue;
            }
            name.append(new String(m, at + 1, len, java.nio.charset.StandardCharsets.UTF_8)).append('.');
            at += len + 1;
        }
        throw new IllegalArgumentException("name loops");
    }
}
