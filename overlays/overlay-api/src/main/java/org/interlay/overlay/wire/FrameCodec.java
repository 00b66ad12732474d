package org.interlay.overlay.wire;

import org.interlay.overlay.NodeRef;

/**
 * The versioned binary form of a {@link Frame}:
 *
 * <pre>
 *   magic 'I' 'L' | version u8 | overlay id i32 | kind u8 | type u8 | rpc id i64 | sender node (26)
 *   | sender incarnation i64 | body
 * </pre>
 *
 * The body is read by the {@link MessageType} registered for the type code, which must consume it
 * exactly. Anything else is a {@link WireFormatException}. The kind is 1 request, 2 response, 3
 * one-way, 4 client request (see {@link FrameKind}).
 */
public final class FrameCodec {
    public static final int MAGIC = 0x494C;
    /** 2: the sender's incarnation follows the sender node. */
    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 2 + 1 + 4 + 1 + 1 + 8 + NodeRef.BYTES + 8;
    /** Largest datagram we send or accept; well under the UDP limit, and far above any message of ours. */
    public static final int MAX_DATAGRAM = 16 * 1024;

    private final MessageType<?>[] types = new MessageType<?>[256];

    public FrameCodec register(MessageType<?> type) {
        if (types[type.code()] != null && types[type.code()] != type) {
            throw new IllegalStateException("type code " + type.code() + " is taken by " + types[type.code()].name()
                    + ", cannot register " + type.name());
        }
        types[type.code()] = type;
        return this;
    }

    public String typeName(int code) {
        MessageType<?> t = code >= 0 && code < types.length ? types[code] : null;
        return t == null ? "type-" + code : t.name();
    }

    public byte[] encode(Frame frame) {
        WireWriter out = new WireWriter(HEADER_BYTES + 64);
        out.u16(MAGIC).u8(VERSION).i32(frame.overlayId()).u8(frame.kind().code()).u8(frame.message().type())
                .i64(frame.rpcId()).node(frame.sender()).i64(frame.incarnation());
        frame.message().writeTo(out);
        if (out.length() > MAX_DATAGRAM) {
            throw new IllegalArgumentException("frame of " + out.length() + " bytes exceeds " + MAX_DATAGRAM);
        }
        return out.toByteArray();
    }

    public Frame decode(byte[] data, int offset, int length) throws WireFormatException {
        if (length > MAX_DATAGRAM) throw new WireFormatException("datagram of " + length + " bytes is too long");
        WireReader in = new WireReader(data, offset, length);
        int magic = in.u16("magic");
        if (magic != MAGIC) throw new WireFormatException("bad magic 0x" + Integer.toHexString(magic));
        int version = in.u8("version");
        if (version != VERSION) throw new WireFormatException("unsupported version " + version);
        int overlayId = in.i32("overlay id");
        FrameKind kind = FrameKind.fromCode(in.u8("kind"));
        int code = in.u8("type");
        MessageType<?> type = types[code];
        if (type == null) throw new WireFormatException("unknown message type " + code);
        long rpcId = in.i64("rpc id");
        NodeRef sender = in.node("sender");
        long incarnation = in.i64("incarnation");
        Message message = type.reader().read(in);
        in.expectEnd(type.name());
        return new Frame(overlayId, kind, rpcId, sender, incarnation, message);
    }

    public Frame decode(byte[] data) throws WireFormatException {
        return decode(data, 0, data.length);
    }
}
