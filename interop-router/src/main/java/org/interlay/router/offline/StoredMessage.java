package org.interlay.router.offline;

import java.time.Instant;

/**
 * A MESSAGE kept for a user who was offline: the headers that say who sent it to whom and when, and
 * its body, as received. Header values are single lines (a parsed SIP header never holds a line end).
 *
 * @param id          the message's name in the mailbox (see {@link MessageIds})
 * @param storedAt    when it was stored, on the storing agent's wall clock
 * @param from        the From header's value, tag included
 * @param to          the To header's value
 * @param callId      the Call-ID the sender gave it, kept so a recipient can tell a second delivery
 * @param cseq        the sender's CSeq number
 * @param contentType the Content-Type header's value, empty when there was none
 * @param date        the Date header's value as sent, empty when there was none
 */
public record StoredMessage(String id, Instant storedAt, String from, String to, String callId, long cseq,
                            String contentType, String date, byte[] body) {
    public StoredMessage {
        if (id == null || !id.matches("[0-9a-f]{1,32}")) throw new IllegalArgumentException("bad message id: " + id);
        if (storedAt == null || body == null) throw new IllegalArgumentException("a stored message needs a time and a body");
        if (!oneLine(from) || from.isEmpty() || !oneLine(to) || to.isEmpty() || !oneLine(callId) || callId.isEmpty()
                || !oneLine(contentType) || !oneLine(date)) {
            throw new IllegalArgumentException("stored headers are single non-empty lines (Content-Type and Date may be empty)");
        }
        if (cseq < 0) throw new IllegalArgumentException("CSeq must not be negative: " + cseq);
    }

    private static boolean oneLine(String s) {
        return s != null && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /** Whether it is still to be delivered at {@code now}, kept for {@code keep} after it was stored. */
    public boolean isLive(Instant now, java.time.Duration keep) {
        return now.isBefore(storedAt.plus(keep));
    }
}
