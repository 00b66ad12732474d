package org.interlay.overlay.secure;

import java.util.Arrays;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;
import org.interlay.trust.Fingerprint;

/**
 * The signed envelope of a secure overlay's frame (frame format version 3):
 *
 * <pre>
 *   magic 'I' 'L' | version 3 u8 | timestamp i64 (ms since 1970) | nonce i64 | receiver hint i32
 *   | certificate: 1 u8, DER with u16 length  or  2 u8, SHA-256 fingerprint (32)
 *   | frame with u16 length (the open encoding, version 2) | signature with u8 length
 * </pre>
 *
 * The signature (the sender's key, ECDSA P-256 with SHA-256, DER-encoded: 70 to 72 bytes) covers every
 * byte before its length. The nonce counts the sender's frames, so two frames of the same instant and
 * content still differ and a replayed copy can be told from a new frame. The receiver hint is the first
 * four bytes of the fingerprint of the receiver's certificate as the sender holds it (0 if it holds none):
 * it tells the receiver that it may refer to its certificate by fingerprint in frames to this sender.
 *
 * @param signedLength how many leading bytes of the datagram the signature covers
 */
public record SealedFrame(long timestamp, long nonce, int receiverHint, byte[] certificate, Fingerprint fingerprint, byte[] frame,
                          byte[] signature, int signedLength) {
    public static final int VERSION = 3;
    private static final int DER = 1;
    private static final int BY_FINGERPRINT = 2;
    /** Largest certificate a frame may carry; ours are about 600 bytes. */
    public static final int MAX_CERTIFICATE = 2048;
    private static final int MAX_SIGNATURE = 255;

    /** Whether a datagram is of the sealed version (else it is an open frame, or garbage). */
    public static boolean isSealed(byte[] data, int offset, int length) {
        return length >= 3 && ((data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF) == FrameCodec.MAGIC
                && (data[offset + 2] & 0xFF) == VERSION;
    }

    /** The bytes to sign: everything but the signature; {@code certificate} null to refer by {@code fingerprint}. */
    static WireWriter unsigned(long timestamp, long nonce, int receiverHint, byte[] certificate, Fingerprint fingerprint,
                               byte[] frame) {
        WireWriter out = new WireWriter(frame.length + (certificate == null ? 32 : certificate.length) + 100);
        out.u16(FrameCodec.MAGIC).u8(VERSION).i64(timestamp).i64(nonce).i32(receiverHint);
        if (certificate != null) {
            out.u8(DER).bytes(certificate);
        } else {
            out.u8(BY_FINGERPRINT);
            for (byte b : fingerprint.bytes()) out.u8(b);
        }
        return out.bytes(frame);
    }

    /** The datagram: the unsigned part and the signature over it. */
    static byte[] withSignature(WireWriter unsigned, byte[] signature) {
        if (signature.length > MAX_SIGNATURE) throw new IllegalStateException("signature of " + signature.length + " bytes");
        unsigned.u8(signature.length);
        for (byte b : signature) unsigned.u8(b);
        if (unsigned.length() > FrameCodec.MAX_DATAGRAM) {
            throw new IllegalArgumentException("sealed frame of " + unsigned.length() + " bytes exceeds " + FrameCodec.MAX_DATAGRAM);
        }
        return unsigned.toByteArray();
    }

    /** Reads a sealed datagram; the signature is not checked here. */
    public static SealedFrame parse(byte[] data, int offset, int length) throws WireFormatException {
        if (length > FrameCodec.MAX_DATAGRAM) throw new WireFormatException("datagram of " + length + " bytes is too long");
        WireReader in = new WireReader(data, offset, length);
        if (in.u16("magic") != FrameCodec.MAGIC) throw new WireFormatException("bad magic");
        if (in.u8("version") != VERSION) throw new WireFormatException("not a sealed frame");
        long timestamp = in.i64("timestamp");
        long nonce = in.i64("nonce");
        int receiverHint = in.i32("receiver hint");
        byte[] certificate = null;
        Fingerprint fingerprint;
        int form = in.u8("certificate form");
        if (form == DER) {
            certificate = in.bytes("certificate", MAX_CERTIFICATE);
            fingerprint = Fingerprint.of(certificate);
        } else if (form == BY_FINGERPRINT) {
            byte[] digest = new byte[Fingerprint.BYTES];
            for (int i = 0; i < digest.length; i++) digest[i] = (byte) in.u8("fingerprint");
            fingerprint = Fingerprint.fromBytes(digest);
        } else {
            throw new WireFormatException("unknown certificate form " + form);
        }
        byte[] frame = in.bytes("frame", FrameCodec.MAX_DATAGRAM);
        int signedLength = length - in.remaining();
        int n = in.u8("signature length");
        byte[] signature = new byte[n];
        for (int i = 0; i < n; i++) signature[i] = (byte) in.u8("signature");
        in.expectEnd("sealed frame");
        return new SealedFrame(timestamp, nonce, receiverHint, certificate, fingerprint, frame, signature, signedLength);
    }

    /** The hint for a certificate of this fingerprint: its first four bytes, never 0 (0 means none). */
    static int hintOf(Fingerprint fingerprint) {
        byte[] b = fingerprint.bytes();
        int h = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        return h == 0 ? 1 : h;
    }

    /** The signed bytes of the datagram this was parsed from. */
    public byte[] signedPart(byte[] data, int offset) {
        return Arrays.copyOfRange(data, offset, offset + signedLength);
    }
}
