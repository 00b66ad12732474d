package org.interlay.overlay.secure;

import java.util.Arrays;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;
import org.interlay.trust.Fingerprint;

/**
 * The authenticated envelope of a secure overlay's frame (frame format version 3):
 *
 * <pre>
 *   magic 'I' 'L' | version 3 u8 | timestamp i64 (ms since 1970) | nonce i64 | receiver hint i32
 *   | sender: 1 u8, its certificate, DER with u16 length            (signed)
 *           or 2 u8, its certificate's SHA-256 fingerprint (32)       (signed)
 *           or 3 u8, its certificate's SHA-256 fingerprint (32)       (MACed)
 *   | frame with u16 length (the open encoding, version 2) | authenticator with u8 length
 * </pre>
 *
 * The authenticator covers every byte before its length. In forms 1 and 2 it is a signature by the
 * sender's key (ECDSA P-256 with SHA-256, DER-encoded: 70 to 72 bytes); in form 3 it is an HMAC-SHA256
 * (32 bytes) under the key the sender and this receiver share for frames from that sender to this receiver
 * ({@link org.interlay.trust.PairKeyAgreement}: ECDH of their certificates' P-256 keys, bound to both
 * fingerprints in that order), so only the receiver it was made for can check it, and only in that
 * direction. The nonce counts the sender's frames, so two frames of the same instant and content still
 * differ and a replayed copy can be told from a new frame. The receiver hint is the first four bytes of
 * the fingerprint of the receiver's certificate as the sender holds it (0 if it holds none): it tells the
 * receiver that it may refer to its certificate by fingerprint in frames to this sender, and MAC them.
 *
 * @param certificate         the sender's certificate (form 1), or null
 * @param fingerprint         the sender's certificate's fingerprint (every form)
 * @param macced              form 3: the authenticator is a MAC, not a signature
 * @param authenticator       the signature or the MAC
 * @param authenticatedLength how many leading bytes of the datagram the authenticator covers
 */
public record SealedFrame(long timestamp, long nonce, int receiverHint, byte[] certificate, Fingerprint fingerprint, boolean macced,
                          byte[] frame, byte[] authenticator, int authenticatedLength) {
    public static final int VERSION = 3;
    private static final int DER = 1;
    private static final int BY_FINGERPRINT = 2;
    private static final int MACCED = 3;
    /** Largest certificate a frame may carry; ours are about 600 bytes. */
    public static final int MAX_CERTIFICATE = 2048;
    private static final int MAX_AUTHENTICATOR = 255;

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

    /** The bytes to MAC (form 3): everything but the MAC, the sender named by its certificate's {@code fingerprint}. */
    static WireWriter unmacced(long timestamp, long nonce, int receiverHint, Fingerprint fingerprint, byte[] frame) {
        WireWriter out = new WireWriter(frame.length + 100);
        out.u16(FrameCodec.MAGIC).u8(VERSION).i64(timestamp).i64(nonce).i32(receiverHint).u8(MACCED);
        for (byte b : fingerprint.bytes()) out.u8(b);
        return out.bytes(frame);
    }

    /** The datagram: the unauthenticated part and the signature or MAC over it. */
    static byte[] withAuthenticator(WireWriter unsigned, byte[] authenticator) {
        if (authenticator.length > MAX_AUTHENTICATOR) throw new IllegalStateException("authenticator of " + authenticator.length + " bytes");
        unsigned.u8(authenticator.length);
        for (byte b : authenticator) unsigned.u8(b);
        if (unsigned.length() > FrameCodec.MAX_DATAGRAM) {
            throw new IllegalArgumentException("sealed frame of " + unsigned.length() + " bytes exceeds " + FrameCodec.MAX_DATAGRAM);
        }
        return unsigned.toByteArray();
    }

    /** Reads a sealed datagram; the signature or MAC is not checked here. */
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
        } else if (form == BY_FINGERPRINT || form == MACCED) {
            byte[] digest = new byte[Fingerprint.BYTES];
            for (int i = 0; i < digest.length; i++) digest[i] = (byte) in.u8("fingerprint");
            fingerprint = Fingerprint.fromBytes(digest);
        } else {
            throw new WireFormatException("unknown certificate form " + form);
        }
        byte[] frame = in.bytes("frame", FrameCodec.MAX_DATAGRAM);
        int authenticatedLength = length - in.remaining();
        int n = in.u8("authenticator length");
        byte[] authenticator = new byte[n];
        for (int i = 0; i < n; i++) authenticator[i] = (byte) in.u8("authenticator");
        in.expectEnd("sealed frame");
        return new SealedFrame(timestamp, nonce, receiverHint, certificate, fingerprint, form == MACCED, frame, authenticator,
                authenticatedLength);
    }

    /** The hint for a certificate of this fingerprint: its first four bytes, never 0 (0 means none). */
    static int hintOf(Fingerprint fingerprint) {
        byte[] b = fingerprint.bytes();
        int h = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        return h == 0 ? 1 : h;
    }

    /** The authenticated bytes of the datagram this was parsed from (a copy). */
    public byte[] authenticatedPart(byte[] data, int offset) {
        return Arrays.copyOfRange(data, offset, offset + authenticatedLength);
    }
}
