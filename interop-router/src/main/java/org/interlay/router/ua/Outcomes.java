package org.interlay.router.ua;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Response;

/** Small helpers user agent parts share to read responses. */
final class Outcomes {
    private Outcomes() {
    }

    static SipOutcome of(Response r) {
        return new SipOutcome(r.getStatusCode(), r.getReasonPhrase());
    }

    /** The expiry a 2xx granted: the Expires header, else the first Contact's expires, else {@code asked}. */
    static long grantedSeconds(Response r, long asked) {
        ExpiresHeader expires = r.getExpires();
        if (expires != null) return expires.getExpires();
        ContactHeader contact = (ContactHeader) r.getHeader(ContactHeader.NAME);
        return contact != null && contact.getExpires() >= 0 ? contact.getExpires() : asked;
    }

    /** When to refresh something granted for {@code seconds}: at four fifths of it, at least a second before. */
    static long refreshDelayMillis(long seconds) {
        return Math.max(500, Math.min(seconds * 800, (seconds - 1) * 1000));
    }

    /**
     * Moves {@code next} (the next CSeq to use) past the CSeq of {@code r}: a request answered after a
     * digest challenge went again with the CSeq one higher.
     */
    static void followCseq(java.util.concurrent.atomic.AtomicLong next, Response r) {
        if (r.getHeader(javax.sip.header.CSeqHeader.NAME) instanceof javax.sip.header.CSeqHeader c) {
            next.accumulateAndGet(c.getSeqNumber() + 1, Math::max);
        }
    }

    static <T> CompletableFuture<T> unwrap(CompletableFuture<T> f) {
        return f.exceptionallyCompose(e -> CompletableFuture.failedFuture(
                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }
}
