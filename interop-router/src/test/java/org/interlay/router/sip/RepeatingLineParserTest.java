package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;

/** Lines parsed once and copied after: the same messages as the stock parser, never shared between messages. */
class RepeatingLineParserTest {
    private static final String INVITE = String.join("\r\n",
            "INVITE sip:bob@kad.lab SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1-1-0",
            "From: carol <sip:carol@pastry.lab:5061>;tag=1",
            "To: bob <sip:bob@kad.lab>",
            "Call-ID: 1-4242@127.0.0.1",
            "CSeq: 1 INVITE",
            "Contact: sip:carol@127.0.0.1:5061",
            "Max-Forwards: 70",
            "Subject: Performance Test",
            "Content-Type: application/sdp",
            "Content-Length: 4",
            "",
            "v=0\n");
    private static final String RINGING = String.join("\r\n",
            "SIP/2.0 180 Ringing",
            "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-r1, SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1-1-0",
            "From: carol <sip:carol@pastry.lab:5061>;tag=1",
            "To: bob <sip:bob@kad.lab>;tag=9",
            "Call-ID: 1-4242@127.0.0.1",
            "CSeq: 1 INVITE",
            "Content-Length: 0",
            "", "");

    private final ParsedLines lines = new ParsedLines(64);
    private final RepeatingLineParser parser = new RepeatingLineParser(lines);
    private final StringMsgParser stock = new StringMsgParser();

    private static SIPMessage parse(StringMsgParser p, String text, ParseExceptionListener listener) throws ParseException {
        return p.parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, listener);
    }

    @Test
    void aMessageReadAgainIsTheSameMessageAsTheStockParserMakes() throws Exception {
        for (String text : List.of(INVITE, RINGING)) {
            String expected = parse(stock, text, null).encode();
            assertEquals(expected, parse(parser, text, null).encode(), "first reading");
            assertEquals(expected, parse(parser, text, null).encode(), "from the lines kept");
        }
        assertTrue(lines.size() >= 12, "the lines were kept: " + lines.size());
        assertTrue(parse(parser, RINGING, null) instanceof SIPResponse);
        assertTrue(parse(parser, INVITE, null) instanceof SIPRequest);
    }

    @Test
    void twoMessagesMadeFromTheSameLinesShareNothing() throws Exception {
        SIPRequest first = (SIPRequest) parse(parser, INVITE, null);
        SIPRequest second = (SIPRequest) parse(parser, INVITE, null);
        assertNotSame(first.getFrom(), second.getFrom());
        assertNotSame(first.getRequestLine(), second.getRequestLine());
        ((From) first.getFrom()).setTag("changed");
        ((SipURI) first.getFrom().getAddress().getURI()).setUser("mallory");
        ((SipURI) first.getRequestLine().getUri()).setParameter("x", "1");
        first.getCSeq().setSeqNumber(99);
        first.getTopmostVia().setBranch("z9hG4bK-other");
        SIPRequest third = (SIPRequest) parse(parser, INVITE, null);
        assertEquals(parse(stock, INVITE, null).encode(), third.encode(), "what one message changed is not in the next");
        assertEquals(parse(stock, INVITE, null).encode(), second.encode());
    }

    @Test
    void aBrokenHeaderIsReportedEveryTimeAndNeverKept() throws Exception {
        String broken = INVITE.replace("CSeq: 1 INVITE", "CSeq: one INVITE");
        for (int i = 0; i < 2; i++) {
            List<String> reported = new ArrayList<>();
            parse(parser, broken, (e, m, c, header, raw) -> reported.add(header));
            assertEquals(List.of("CSeq: one INVITE"), reported, "reading " + (i + 1));
        }
        assertEquals(null, lines.parsed("CSeq: one INVITE"));
    }

    @Test
    void aBrokenLineTooLongToKeepIsReportedOnceAsByTheStockParser() throws Exception {
        String longBroken = "Contact: <sip:" + "a".repeat(ParsedLines.MAX_LINE_CHARS) + "@127.0.0.1";
        String text = INVITE.replace("Contact: sip:carol@127.0.0.1:5061", longBroken);
        List<String> stockReported = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        // a listener that rejects the message, as the stack's does for a header it cannot do without
        assertThrows(ParseException.class, () -> parse(stock, text, (e, m, c, header, raw) -> {
            stockReported.add(header);
            throw e;
        }));
        assertThrows(ParseException.class, () -> parse(parser, text, (e, m, c, header, raw) -> {
            reported.add(header);
            throw e;
        }));
        assertEquals(1, stockReported.size(), stockReported.toString());
        assertEquals(stockReported, reported);
    }

    @Test
    void aSecondCSeqIsTreatedAsTheStockParserTreatsItAlsoWhenItsLineIsKept() throws Exception {
        parse(parser, INVITE, null); // "CSeq: 1 INVITE" is kept
        for (String second : List.of("CSeq: 1 INVITE", "CSeq: 2 INVITE")) {
            parse(parser, INVITE.replace("CSeq: 1 INVITE", second), null); // kept too
            String twice = INVITE.replace("CSeq: 1 INVITE", "CSeq: 1 INVITE\r\n" + second);
            List<String> stockReported = new ArrayList<>();
            SIPMessage expected = parse(stock, twice, (e, m, c, header, raw) -> stockReported.add(header));
            List<String> reported = new ArrayList<>();
            SIPMessage actual = parse(parser, twice, (e, m, c, header, raw) -> reported.add(header));
            assertEquals(stockReported, reported, second);
            assertEquals(expected.encode(), actual.encode(), second);
        }
    }

    @Test
    void everNewLinesKeepTheMapWithinItsCapacity() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            String text = INVITE.replace("1-4242@127.0.0.1", random.nextLong() + "@127.0.0.1")
                    .replace("tag=1", "tag=" + random.nextInt());
            parse(parser, text, null);
            assertTrue(lines.size() <= 64, "held " + lines.size());
        }
        String longLine = "Subject: " + "x".repeat(ParsedLines.MAX_LINE_CHARS);
        parse(parser, INVITE.replace("Subject: Performance Test", longLine), null);
        assertEquals(null, lines.parsed(longLine), "a long line is not kept");
    }
}
