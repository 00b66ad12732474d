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
    private transient volatile Key key;

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

    /**
     * The key, worked out again only when what it is made of changed: the stack asks for it several
     * times per request (matching, creating the transaction, sending), each time lower-casing and
     * joining strings. Only RFC 3261 keys are kept: they are made of the top Via and the methods alone. What it was made of is compared by reference (a header or value replaced by
     * an equal one only costs working it out again); key and inputs are kept in one immutable object,
     * so a thread reading it sees one consistent pair.
     */
    @Override
    public String getTransactionId() {
        Via top = getTopmostVia();
        String branch = top == null ? null : top.getBranch();
        if (branch == null || !branch.regionMatches(true, 0, MAGIC_COOKIE, 0, MAGIC_COOKIE.length())) {
            return super.getTransactionId(); // an RFC 2543 key, made of more of the request: not kept
        }
        String host = top.getHost();
        int port = top.getPort();
        String method = getMethod();
        String cseqMethod = getCSeq() == null ? null : getCSeq().getMethod();
        Key known = key;
        if (known != null && known.via == top && known.branch == branch && known.host == host && known.port == port
                && known.method == method && known.cseqMethod == cseqMethod) {
            return known.id;
        }
        String id = keyOf(top, method);
        key = new Key(top, branch, host, port, method, cseqMethod, id);
        return id;
    }

    private String keyOf(Via top, String method) {
        String stock = super.getTransactionId(); // the branch, and the method for CANCEL
        String sentBy = top.getHost() + ":" + top.getPort();
        boolean ownKeyAlready = Request.INVITE.equals(method) || Request.ACK.equals(method) || Request.CANCEL.equals(method);
        return (stock + "|" + sentBy + (ownKeyAlready ? "" : "|" + method)).toLowerCase(Locale.ROOT);
    }

    /** A key and what it was worked out from. */
    private record Key(Via via, String branch, String host, int port, String method, String cseqMethod, String id) {
    }
}
