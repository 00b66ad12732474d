package org.interlay.discovery.jgroups;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.OverlayAdvert;

import static org.interlay.discovery.InvalidAdvertException.Problem.MALFORMED_BEACON;

/**
 * The bytes of a {@link Beacon}. Each advert travels in its DNS-SD form, so the group and mDNS
 * share one parser:
 * <pre>
 * "ILYB" | version u8 = 1 | flags u8 (bit 0: leaving) | count u8
 * count x ( name length u8 | instance name UTF-8 | TXT length u16 | TXT rdata )
 * </pre>
 * Decoding rejects a wrong magic or version, a truncated or over-long message, and any advert
 * that does not parse: a beacon is taken whole or not at all.
 */
public final class BeaconCodec {

    private static final byte[] MAGIC = {'I', 'L', 'Y', 'B'};
    private static final int VERSION = 1;
    private static final int FLAG_LEAVING = 1;

    private BeaconCodec() {
    }

    public static byte[] encode(Beacon beacon) {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        int size = MAGIC.length + 3;
        for (OverlayAdvert advert : beacon.adverts()) {
            byte[] name = DnsSdAdvertCodec.instanceName(advert).getBytes(StandardCharsets.UTF_8);
            byte[] text = DnsSdAdvertCodec.toTxt(advert).encode();
            if (name.length > 255 || text.length > 65_535) {
                throw new IllegalArgumentException("advert " + advert.key() + " is too large for a beacon");
            }
            names.add(name);
            texts.add(text);
            size += 1 + name.length + 2 + text.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(MAGIC).put((byte) VERSION).put((byte) (beacon.leaving() ? FLAG_LEAVING : 0)).put((byte) names.size());
        for (int i = 0; i < names.size(); i++) {
            out.put((byte) names.get(i).length).put(names.get(i));
            out.putShort((short) texts.get(i).length).put(texts.get(i));
        }
        return out.array();
    }

    public static Beacon decode(byte[] bytes, int offset, int length) throws InvalidAdvertException {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InvalidAdvertException(MALFORMED_BEACON, "not an Interlay beacon (bad magic)");
            }
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new InvalidAdvertException(MALFORMED_BEACON, "beacon version " + version);
            }
            int flags = in.get() & 0xff;
            if ((flags & ~FLAG_LEAVING) != 0) {
                throw new InvalidAdvertException(MALFORMED_BEACON, "unknown beacon flags " + flags);
            }
            int count = in.get() & 0xff;
            List<OverlayAdvert> adverts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.get() & 0xff];
                in.get(name);
                byte[] text = new byte[in.getShort() & 0xffff];
                in.get(text);
                adverts.add(DnsSdAdvertCodec.fromService(new String(name, StandardCharsets.UTF_8), text));
            }
            if (in.hasRemaining()) {
                throw new InvalidAdvertException(MALFORMED_BEACON, in.remaining() + " bytes after the last advert");
            }
            boolean leaving = (flags & FLAG_LEAVING) != 0;
            if (leaving && !adverts.isEmpty()) {
                throw new InvalidAdvertException(MALFORMED_BEACON, "a leaving beacon with adverts");
            }
            return new Beacon(adverts, leaving);
        } catch (BufferUnderflowException e) {
            throw new InvalidAdvertException(MALFORMED_BEACON, "truncated beacon of " + length + " bytes");
        }
    }
}
