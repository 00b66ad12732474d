package org.interlay.router.sip;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;

/**
 * The stack's message parser, which parses each distinct header line and first line once: a line
 * seen before, byte for byte, is given to the message as a copy of what it was parsed to then (see
 * {@link ParsedLines}). Header parsing is the largest share of a call's cost at the router, and most
 * lines of a call repeat: across calls (CSeq, Max-Forwards, Content-Type, Contact, status lines) or
 * within one (From, To, Call-ID, the Via headers of the responses to one request). A copy costs a few
 * object allocations where a parse costs a lexer, a parser made by reflection and a keyword lookup per
 * token. Only lines that parsed cleanly are kept; a line that fails, or whose header cannot be
 * attached (a second CSeq), goes through the stock parser again, which reports it to the listener as
 * it always does.
 */
final class RepeatingLineParser extends StringMsgParser {
    private final ParsedLines lines;

    RepeatingLineParser(ParsedLines lines) {
        this.lines = lines;
    }

    @Override
    protected void processHeader(String header, SIPMessage message, ParseExceptionListener listener, byte[] raw)
            throws ParseException {
        if (header == null || header.isEmpty()) return;
        if (!ParsedLines.keepable(header)) {
            super.processHeader(header, message, listener, raw);
            return;
        }
        try {
            if (lines.parsed(header) instanceof SIPHeader known) {
                message.attachHeader((SIPHeader) known.clone(), false);
                return;
            }
            SIPHeader parsed = ParserFactory.createParser(header + "\n").parse();
            lines.keep(header, parsed.clone());
            message.attachHeader(parsed, false);
        } catch (ParseException e) {
            super.processHeader(header, message, listener, raw); // fails again, and says so as the stack does
        }
    }

    @Override
    protected SIPMessage processFirstLine(String line, ParseExceptionListener listener, byte[] raw) throws ParseException {
        Object known = lines.parsed(line);
        if (known instanceof RequestLine requestLine) {
            SIPRequest request = new SIPRequest();
            request.setRequestLine((RequestLine) requestLine.clone());
            return request;
        }
        if (known instanceof StatusLine statusLine) {
            SIPResponse response = new SIPResponse();
            response.setStatusLine((StatusLine) statusLine.clone());
            return response;
        }
        SIPMessage message = super.processFirstLine(line, listener, raw);
        if (message instanceof SIPRequest request && request.getRequestLine() != null) {
            lines.keep(line, request.getRequestLine().clone());
        } else if (message instanceof SIPResponse response && response.getStatusLine() != null) {
            lines.keep(line, response.getStatusLine().clone());
        }
        return message;
    }
}
