package org.interlay.router.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a stored message by the request that brought it: the From tag, Call-ID and CSeq (what
 * identifies a request end to end, RFC 3261 section 8.1.1). A retransmission, or the same request
 * sent again through another router after a timeout, gets the same name and so is stored once.
 */
public final class MessageIds {
    private MessageIds() {
    }

    /** 16 hex digits of SHA-256 over the three values. */
    public static String of(String fromTag, String callId, long cseq) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((fromTag + "\n" + callId + "\n" + cseq).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
