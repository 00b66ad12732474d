package org.interlay.overlay.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * Reads big-endian fields from a datagram, checking every length against what is left. Each
 * read that would run past the end, or meets a value out of range, throws
 * {@link WireFormatException}.
 */
public final class WireReader {
    private final byte[] data;
    private final int end;
    private int position;

    public WireReader(byte[] data) {
        this(data, 0, data.length);
    }

    public WireReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    private void need(int n, String field) throws WireFormatException {
        if (end - position < n) {
            throw new WireFormatException(field + " needs " + n + " bytes, " + (end - position) + " left");
        }
    }

    public int u8(String field) throws WireFormatException {
        need(1, field);
        return data[position++] & 0xFF;
    }

    public boolean bool(String field) throws WireFormatException {
        int v = u8(field);
        if (v > 1) throw new WireFormatException(field + " is a flag, got " + v);
        return v == 1;
    }

    public int u16(String field) throws WireFormatException {
        need(2, field);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int i32(String field) throws WireFormatException {
        need(4, field);
        int v = 0;
        for (int i = 0; i < 4; i++) v = (v << 8) | (data[position++] & 0xFF);
        return v;
    }

    public long i64(String field) throws WireFormatException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (data[position++] & 0xFF);
        return v;
    }

    /** A 64-bit value that must lie in [min, max]. */
    public long i64InRange(String field, long min, long max) throws WireFormatException {
        long v = i64(field);
        if (v < min || v > max) throw new WireFormatException(field + " out of range [" + min + ", " + max + "]: " + v);
        return v;
    }

    public Key key(String field) throws WireFormatException {
        need(Key.BYTES, field);
        Key k = Key.fromBytes(data, position);
        position += Key.BYTES;
        return k;
    }

    public Address address(String field) throws WireFormatException {
        int ip = i32(field);
        int port = u16(field);
        if (port == 0) throw new WireFormatException(field + " has port 0");
        return new Address(ip, port);
    }

    public NodeRef node(String field) throws WireFormatException {
        return new NodeRef(key(field), address(field));
    }

    /** A list of nodes written by {@link WireWriter#nodes}: at most {@code max} of them. */
    public List<NodeRef> nodes(String field, int max) throws WireFormatException {
        int n = u8(field);
        if (n > max) throw new WireFormatException(field + " holds " + n + " nodes, at most " + max + " allowed");
        need(n * NodeRef.BYTES, field);
        List<NodeRef> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(node(field));
        return out;
    }

    public byte[] bytes(String field, int maxLength) throws WireFormatException {
        int n = u16(field);
        if (n > maxLength) throw new WireFormatException(field + " is " + n + " bytes, at most " + maxLength + " allowed");
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    /** UTF-8 text of at most {@code maxBytes} bytes; malformed UTF-8 is rejected, not replaced. */
    public String string(String field, int maxBytes) throws WireFormatException {
        byte[] b = bytes(field, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(field + " is not valid UTF-8");
        }
    }

    public int remaining() {
        return end - position;
    }

    /** Called after the last field: trailing bytes mean the sender and we disagree on the format. */
    public void expectEnd(String what) throws WireFormatException {
        if (position != end) throw new WireFormatException(what + " has " + (end - position) + " trailing bytes");
    }
}
