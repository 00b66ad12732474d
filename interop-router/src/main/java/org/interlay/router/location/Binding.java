package org.interlay.router.location;

import java.time.Instant;

/**
 * One contact bound to an address of record (RFC 3261 section 10): where the user can be reached,
 * until when, its preference, and the Call-ID and CSeq of the REGISTER that last set it (so an older,
 * reordered REGISTER cannot undo a newer one).
 *
 * @param contact  the contact URI as the user agent gave it
 * @param q        preference in thousandths, 0..1000 (1000 when the contact gave none)
 */
public record Binding(String contact, Instant expiresAt, int q, String callId, long cseq) {
    public Binding {
        if (contact == null || contact.isEmpty() || contact.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a contact is a URI without white space: " + contact);
        }
        if (expiresAt == null) throw new IllegalArgumentException("a binding needs an expiry");
        if (q < 0 || q > 1000) throw new IllegalArgumentException("q must be 0..1000 thousandths: " + q);
        if (callId == null || callId.isEmpty() || callId.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a Call-ID is a word without white space: " + callId);
        }
        if (cseq < 0) throw new IllegalArgumentException("CSeq must not be negative: " + cseq);
    }

    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Seconds left, at least 0, as a Contact's expires parameter says it. */
    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
