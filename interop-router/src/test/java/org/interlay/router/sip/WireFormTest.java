package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The grammar checks the stack's parser leaves out, and which texts the stack can build its 400 from. */
class WireFormTest {
    private static final String GOOD = "OPTIONS sip:bob@chord.lab SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
            + "From: \"Alice, A.\" <sip:alice@chord.lab>;tag=1\r\n"
            + "To: Bob <sip:bob@chord.lab>\r\n"
            + "Call-ID: c1\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static String problem(String text) {
        return WireForm.problem(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aWellFormedRequestPasses() {
        assertNull(problem(GOOD));
    }

    @Test
    void aRequestReadFromATcpStreamWithBareLineFeedsPasses() {
        assertNull(problem(GOOD.replace("\r\n", "\n")));
        assertEquals("more than one CSeq header",
                problem(GOOD.replace("CSeq: 1 OPTIONS", "CSeq: 1 OPTIONS\r\ncseq: 2 OPTIONS").replace("\r\n", "\n")));
    }

    @Test
    void extraSpacesInTheRequestLineAreRefused() {
        assertEquals("malformed request line", problem(GOOD.replace("OPTIONS sip", "OPTIONS  sip")));
        assertEquals("malformed request line", problem(GOOD.replace("SIP/2.0\r\nVia", "SIP/2.0  \r\nVia")));
    }

    @Test
    void aSingleHeaderGivenTwiceIsRefusedWhateverItsForm() {
        assertEquals("more than one Content-Length header", problem(GOOD.replace("Content-Length: 0", "Content-Length: 0\r\nl: 5")));
        assertEquals("more than one CSeq header", problem(GOOD.replace("CSeq: 1 OPTIONS", "CSeq: 1 OPTIONS\r\ncseq: 2 OPTIONS")));
    }

    @Test
    void spacesInsideAngleBracketsAndUnquotedCommasInDisplayNamesAreRefused() {
        assertEquals("spaces inside <> in To", problem(GOOD.replace("<sip:bob@chord.lab>", "< sip:bob@chord.lab >")));
        assertEquals("display name in To must be quoted", problem(GOOD.replace("To: Bob", "To: Bob, Jr.")));
    }

    @Test
    void foldedHeadersAreReadAsOne() {
        assertNull(problem(GOOD.replace("To: Bob <sip:bob@chord.lab>", "To: Bob\r\n  <sip:bob@chord.lab>")));
    }

    @Test
    void theVersionIsReadFromTheRequestLine() {
        assertEquals("SIP/2.0", WireForm.version(GOOD.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("SIP/7.0", WireForm.version(GOOD.replace("chord.lab SIP/2.0", "chord.lab SIP/7.0").getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theStacksBuilderTripsOverAHeaderNameAtTheVeryStart() {
        assertTrue(CountingParserFactory.answerable(GOOD));
        assertFalse(CountingParserFactory.answerable("Via" + GOOD), "a Via at index 0 makes the stack's copy fail");
        assertFalse(CountingParserFactory.answerable("To" + GOOD));
    }
}
