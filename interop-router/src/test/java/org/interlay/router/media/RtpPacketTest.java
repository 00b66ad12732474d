package org.interlay.router.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        byte[] payload = new byte[160];
        new Random(7).nextBytes(payload);
        RtpPacket p = new RtpPacket(0, 65535, 0xFFFF_FFF0L, 0x8000_0001L, payload);
        byte[] bytes = p.encode();
        assertEquals(RtpPacket.HEADER_BYTES + 160, bytes.length);
        assertEquals(0x80, bytes[0] & 0xFF, "version 2, nothing else set");
        RtpPacket back = RtpPacket.decode(bytes, bytes.length);
        assertEquals(p.sequence(), back.sequence());
        assertEquals(p.timestamp(), back.timestamp());
        assertEquals(p.ssrc(), back.ssrc());
        assertArrayEquals(payload, back.payload());
    }

    @Test
    void contributingSourcesExtensionAndPaddingAreSkipped() throws Exception {
        byte[] b = {
            (byte) 0xB1, 0x08, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, // V=2 P=1 X=1 CC=1, PT 8
            0, 0, 0, 9,                                       // one CSRC
            0x10, 0x00, 0, 1, 1, 2, 3, 4,                     // extension of one word
            42, 43,                                           // payload
            0, 0, 3                                           // three bytes of padding
        };
        RtpPacket p = RtpPacket.decode(b, b.length);
        assertEquals(8, p.payloadType());
        assertArrayEquals(new byte[] {42, 43}, p.payload());
    }

    @Test
    void whatIsNotRtpIsRefused() {
        assertThrows(RtpFormatException.class, () -> RtpPacket.decode(new byte[11], 11));
        byte[] v1 = new RtpPacket(0, 1, 1, 1, new byte[4]).encode();
        v1[0] = 0x40;
        assertThrows(RtpFormatException.class, () -> RtpPacket.decode(v1, v1.length));
        byte[] longExtension = {(byte) 0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xFF};
        assertThrows(RtpFormatException.class, () -> RtpPacket.decode(longExtension, longExtension.length));
        byte[] badPadding = {(byte) 0xA0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 50};
        assertThrows(RtpFormatException.class, () -> RtpPacket.decode(badPadding, badPadding.length));
    }

    @Test
    void randomBytesNeverThrowAnythingElse() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            try {
                RtpPacket.decode(b, b.length);
            } catch (RtpFormatException expected) {
                // refused with a reason
            }
        }
    }
}
