package org.interlay.router.sip;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPDuplicateHeaderException;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.message.Request;

/**
 * A received request whose server transaction is matched as RFC 3261 section 17.2.3 says: by the
 * branch of its top Via, the Via's sent-by and the method (an ACK matching the INVITE, a CANCEL its own
 * transaction). The stack keys server transactions by the branch alone, so a request from another
 * client that happens to reuse a branch was taken for a retransmission and never answered; its key
 * here carries the sent-by and the method too. Requests with a pre-RFC 3261 branch keep the stack's key.
 */
final class SentByKeyedRequest extends SIPRequest {
    private static final long serialVersionUID = 1L;
    private static final String MAGIC_COOKIE = "z9hg4bk";

    /** A copy of {@code parsed} with the same start line, headers (in order) and body. */
    static SIPRequest of(SIPRequest parsed) {
        return copy(parsed, new SentByKeyedRequest());
    }

    /**
     * A copy as a plain request: what is cloned from a received request is sent on (a proxy's copy, in
     * a client transaction the stack keys by the branch alone, as it matches the responses).
     */
    @Override
    public Object clone() {
        return copy((SIPRequest) super.clone(), new SIPRequest());
    }

    private static SIPRequest copy(SIPRequest from, SIPRequest to) {
        to.setRequestLine(from.getRequestLine());
        byte[] body = from.getRawContent();
        if (body != null) to.setMessageContent(body); // sets a Content-Length, replaced by the original one below
        try {
            for (Iterator<SIPHeader> it = from.getHeaders(); it.hasNext(); ) {
                to.attachHeader(it.next(), true, false);
            }
        } catch (SIPDuplicateHeaderException e) {
            throw new IllegalStateException("replacing headers never finds a duplicate", e);
        }
        for (ListIterator<String> it = from.getUnrecognizedHeaders(); it.hasNext(); ) {
            to.addUnparsed(it.next());
        }
        to.setSize(from.getSize());
        to.setApplicationData(from.getApplicationData()); // what this element learnt of it (AuthenticationMark) goes with each copy
        return to;
    }

    @Override
    public String getTransactionId() {
        String stock = super.getTransactionId();
        Via top = getTopmostVia();
        String branch = top == null ? null : top.getBranch();
        if (branch == null || !branch.toLowerCase(Locale.ROOT).startsWith(MAGIC_COOKIE)) return stock;
        String method = getMethod();
        String sentBy = top.getHost() + ":" + top.getPort();
        boolean ownKeyAlready = Request.INVITE.equals(method) || Request.ACK.equals(method) || Request.CANCEL.equals(method);
        return (stock + "|" + sentBy + (ownKeyAlready ? "" : "|" + method)).toLowerCase(Locale.ROOT);
    }
}
