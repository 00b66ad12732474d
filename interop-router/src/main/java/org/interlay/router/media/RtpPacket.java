package org.interlay.router.media;

import java.nio.ByteBuffer;

/**
 * One RTP packet as RFC 3550 section 5.1 lays it out: version 2, no padding, no extension, no
 * contributing sources, a payload type, a sequence number, a timestamp and a synchronization source.
 * Only what a plain audio stream needs is written; reading accepts any valid header and skips the
 * contributing sources and an extension.
 */
public record RtpPacket(int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
    public static final int HEADER_BYTES = 12;
    private static final int VERSION = 2;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) throw new IllegalArgumentException("payload type 0-127, not " + payloadType);
        if (sequence < 0 || sequence > 0xFFFF) throw new IllegalArgumentException("sequence 0-65535, not " + sequence);
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) throw new IllegalArgumentException("timestamp is 32 bits: " + timestamp);
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) throw new IllegalArgumentException("SSRC is 32 bits: " + ssrc);
        payload = payload.clone();
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        b.put((byte) (VERSION << 6));
        b.put((byte) payloadType);
        b.putShort((short) sequence);
        b.putInt((int) timestamp);
        b.putInt((int) ssrc);
        b.put(payload);
        return b.array();
    }

    /** Reads the first {@code length} bytes of {@code data}; a packet that is not RTP version 2 is refused. */
    public static RtpPacket decode(byte[] data, int length) throws RtpFormatException {
        if (length < HEADER_BYTES) throw new RtpFormatException("shorter than an RTP header: " + length + " bytes");
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        int first = b.get() & 0xFF;
        if (first >>> 6 != VERSION) throw new RtpFormatException("RTP version " + (first >>> 6) + ", not 2");
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int contributors = first & 0x0F;
        int payloadType = b.get() & 0x7F;
        int sequence = b.getShort() & 0xFFFF;
        long timestamp = b.getInt() & 0xFFFF_FFFFL;
        long ssrc = b.getInt() & 0xFFFF_FFFFL;
        int offset = HEADER_BYTES + 4 * contributors;
        if (extension) {
            if (length < offset + 4) throw new RtpFormatException("header extension cut short");
            offset += 4 + 4 * (ByteBuffer.wrap(data, offset + 2, 2).getShort() & 0xFFFF);
        }
        int end = length;
        if (padding) {
            if ((data[length - 1] & 0xFF) == 0) throw new RtpFormatException("bad padding");
            end -= data[length - 1] & 0xFF;
        }
        if (offset > end) throw new RtpFormatException("header longer than the packet");
        byte[] payload = new byte[end - offset];
        System.arraycopy(data, offset, payload, 0, payload.length);
        return new RtpPacket(payloadType, sequence, timestamp, ssrc, payload);
    }
}
