package org.interlay.overlay.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/** Appends big-endian fields to a growing buffer. The counterpart of {@link WireReader}. */
public final class WireWriter {
    private byte[] buffer;
    private int length;

    public WireWriter() {
        this(128);
    }

    public WireWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    private void ensure(int more) {
        if (length + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    public WireWriter u8(int v) {
        ensure(1);
        buffer[length++] = (byte) v;
        return this;
    }

    public WireWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public WireWriter u16(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
        return this;
    }

    public WireWriter i32(int v) {
        ensure(4);
        for (int s = 24; s >= 0; s -= 8) buffer[length++] = (byte) (v >>> s);
        return this;
    }

    public WireWriter i64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) buffer[length++] = (byte) (v >>> s);
        return this;
    }

    public WireWriter key(Key key) {
        ensure(Key.BYTES);
        key.writeTo(buffer, length);
        length += Key.BYTES;
        return this;
    }

    public WireWriter address(Address a) {
        return i32(a.ipv4()).u16(a.port());
    }

    public WireWriter node(NodeRef node) {
        return key(node.id()).address(node.address());
    }

    /** A list of nodes: a count byte (at most 255) then each node. */
    public WireWriter nodes(List<NodeRef> nodes) {
        if (nodes.size() > 255) throw new IllegalArgumentException("at most 255 nodes in one list: " + nodes.size());
        u8(nodes.size());
        for (NodeRef n : nodes) node(n);
        return this;
    }

    /** Bytes with a 16-bit length. */
    public WireWriter bytes(byte[] b) {
        if (b.length > 0xFFFF) throw new IllegalArgumentException("field longer than 65535 bytes: " + b.length);
        u16(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
        return this;
    }

    /** UTF-8 text with a 16-bit length. */
    public WireWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }
}
