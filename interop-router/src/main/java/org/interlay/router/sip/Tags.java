package org.interlay.router.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Tags and branch ids: random where a new dialog or transaction starts, derived where a retransmission must get the same one. */
public final class Tags {
    /** The RFC 3261 magic cookie every branch id starts with. */
    public static final String MAGIC_COOKIE = "z9hG4bK";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private Tags() {
    }

    /** A fresh random tag or id of 64 bits, in hex. */
    public static String random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A fresh branch id. */
    public static String randomBranch() {
        return MAGIC_COOKIE + random();
    }

    /**
     * The To tag of a response generated without keeping state: the same for every retransmission of
     * the request (it depends on Call-ID, From tag and top Via branch only).
     */
    public static String responseTag(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return digest((callId == null ? "" : callId.getCallId()) + '\n' + (from == null ? "" : from.getTag()) + '\n'
                + (via == null ? "" : via.getBranch()), 8);
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex. */
    public static String digest(String text, int bytes) {
        byte[] d = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(d, 0, bytes);
    }
}
