package org.interlay.router.registrar;

import java.util.ArrayList;
import java.util.List;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.BindingRefusedException;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.SipHeaders;

/**
 * What a REGISTER asks for (RFC 3261 section 10.3 steps 6-7): remove every binding (Contact: * with
 * Expires: 0), only read them (no Contact), or set some; each Contact's expiry from its own parameter,
 * else the Expires header, else the policy's default, checked against the policy.
 */
record RegisterRequest(boolean removeAll, List<ContactUpdate> contacts, String callId, long cseq) {
    static final int MAX_CONTACTS = 16;

    static RegisterRequest read(Request request, ExpiryPolicy policy) throws BindingRefusedException {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expires = request.getExpires();
        long headerSeconds = expires == null ? -1 : expires.getExpires();
        List<ContactHeader> contacts = SipHeaders.all(request, ContactHeader.NAME, ContactHeader.class);
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || headerSeconds != 0) {
                throw new BindingRefusedException(Response.BAD_REQUEST, "Contact: * needs Expires: 0 and no other Contact");
            }
            return new RegisterRequest(true, List.of(), callId, cseq);
        }
        if (contacts.size() > MAX_CONTACTS) {
            throw new BindingRefusedException(Response.FORBIDDEN, "Too many contacts (at most " + MAX_CONTACTS + ")");
        }
        List<ContactUpdate> updates = new ArrayList<>();
        for (ContactHeader c : contacts) {
            long asked = c.getExpires() >= 0 ? c.getExpires() : headerSeconds;
            long granted;
            try {
                granted = policy.grant(asked);
            } catch (ExpiryPolicy.IntervalTooBriefException e) {
                throw BindingRefusedException.tooBrief(e.minSeconds());
            }
            float q = c.getQValue();
            updates.add(new ContactUpdate(c.getAddress().getURI(), granted, q < 0 ? 1000 : Math.round(q * 1000)));
        }
        return new RegisterRequest(false, updates, callId, cseq);
    }
}
