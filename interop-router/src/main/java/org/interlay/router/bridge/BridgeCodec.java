package org.interlay.router.bridge;

import java.nio.charset.StandardCharsets;
import org.interlay.router.location.RecordFormatException;

/** Bridge records as values: a version line, then router id and SIP URI separated by a tab. */
public final class BridgeCodec {
    public static final String KIND = "sip-bridge";
    private static final String VERSION_LINE = "interlay-bridge 1";

    private BridgeCodec() {
    }

    public static byte[] encode(Bridge bridge) {
        return (VERSION_LINE + "\n" + bridge.routerId() + "\t" + bridge.sipUri() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static Bridge decode(String domain, byte[] value) throws RecordFormatException {
        String[] lines = new String(value, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 3 || !lines[0].equals(VERSION_LINE) || !lines[2].isEmpty()) {
            throw new RecordFormatException("not a bridge record for " + domain);
        }
        String[] f = lines[1].split("\t", -1);
        if (f.length != 2) throw new RecordFormatException("bridge record for " + domain + " has " + f.length + " fields");
        try {
            return new Bridge(domain, f[0], f[1]);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("bad bridge record for " + domain, e);
        }
    }
}
