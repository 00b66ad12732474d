package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Server transactions keyed as RFC 3261 section 17.2.3 says: branch, sent-by and method. */
class SentByKeyedRequestTest {
    private static SIPRequest request(String method, String sentBy, String branch) throws Exception {
        String text = method + " sip:bob@chord.lab SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=" + branch + "\r\n"
                + "From: <sip:alice@chord.lab>;tag=1\r\nTo: <sip:bob@chord.lab>\r\nCall-ID: c1\r\n"
                + "CSeq: 1 " + method + "\r\nContent-Length: 5\r\n\r\nhello";
        SIPRequest parsed = (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
        return SentByKeyedRequest.of(parsed);
    }

    @Test
    void theCopyIsTheSameRequest() throws Exception {
        SIPRequest r = request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a");
        assertEquals("hello", new String(r.getRawContent(), StandardCharsets.UTF_8));
        assertEquals(5, r.getContentLength().getContentLength());
        assertEquals("c1", r.getCallId().getCallId());
        assertEquals("MESSAGE", r.getMethod());
    }

    @Test
    void anotherSentByOrMethodMakesAnotherTransaction() throws Exception {
        String key = request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a").getTransactionId();
        assertEquals(key, request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a").getTransactionId());
        assertNotEquals(key, request("MESSAGE", "127.0.0.1:5071", "z9hG4bK-a").getTransactionId());
        assertNotEquals(key, request("OPTIONS", "127.0.0.1:5070", "z9hG4bK-a").getTransactionId());
    }

    @Test
    void aCloneToSendOnIsAPlainRequestKeyedByItsBranch() throws Exception {
        SIPRequest received = request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a");
        SIPRequest copy = (SIPRequest) received.clone();
        assertEquals(SIPRequest.class, copy.getClass());
        assertEquals("z9hg4bk-a", copy.getTransactionId());
        assertEquals("hello", new String(copy.getRawContent(), StandardCharsets.UTF_8));
        assertEquals(received.getHeader("Via").toString(), copy.getHeader("Via").toString());
    }

    @Test
    void aCloneKeepsTheUserThisElementAuthenticated() throws Exception {
        SIPRequest received = request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a");
        AuthenticationMark.mark(received, org.interlay.trust.Aor.parse("sip:alice@chord.lab"));
        SIPRequest copy = (SIPRequest) received.clone();
        assertEquals(java.util.Optional.of(org.interlay.trust.Aor.parse("sip:alice@chord.lab")), AuthenticationMark.of(copy),
                "a proxy's copy leaving over TLS asserts the user (P-Asserted-Identity)");
    }

    @Test
    void theKeyFollowsTheTopViaWhenItChangesAfterBeingAskedFor() throws Exception {
        SIPRequest r = request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-a");
        String asReceived = r.getTransactionId();
        assertEquals(asReceived, r.getTransactionId(), "asked again, the same");
        r.getTopmostVia().setBranch("z9hG4bK-b");
        assertEquals(request("MESSAGE", "127.0.0.1:5070", "z9hG4bK-b").getTransactionId(), r.getTransactionId());
        r.getTopmostVia().setPort(5071);
        assertEquals(request("MESSAGE", "127.0.0.1:5071", "z9hG4bK-b").getTransactionId(), r.getTransactionId());
        r.getTopmostVia().setBranch("z9hG4bK-a");
        r.getTopmostVia().setPort(5070);
        assertEquals(asReceived, r.getTransactionId(), "back as it was");
        // a proxy forwarding the request itself puts its own Via on top
        r.addFirst(SipFactories.get().headers().createViaHeader("127.0.0.2", 5080, "udp", "z9hG4bK-proxy"));
        assertEquals(request("MESSAGE", "127.0.0.2:5080", "z9hG4bK-proxy").getTransactionId(), r.getTransactionId());
        r.removeFirst("Via");
        assertEquals(asReceived, r.getTransactionId());
    }

    @Test
    void anAckMatchesItsInviteAndACancelHasItsOwn() throws Exception {
        String invite = request("INVITE", "127.0.0.1:5070", "z9hG4bK-i").getTransactionId();
        assertEquals(invite, request("ACK", "127.0.0.1:5070", "z9hG4bK-i").getTransactionId());
        assertNotEquals(invite, request("CANCEL", "127.0.0.1:5070", "z9hG4bK-i").getTransactionId());
    }
}
