package org.interlay.router.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.interlay.log.DropLog;

/**
 * The stack's own parser, watched: every message it cannot read (and every header it rejects) is
 * recorded in the {@link DropLog} of the endpoint it arrived on. The stack is only handed what it
 * can deal with without throwing, so that no error of its own (and no dump of the datagram with it)
 * ever reaches the log:
 * <ul>
 *   <li>a message whose essential header is broken is given back to the stack as a parse error with a
 *       readable reason ("Bad Request (malformed Via header)"), which answers a request with 400 built
 *       from the raw text, unless that text is one the stack's builder would trip over (a header name
 *       at the very start): such a message is dropped;</li>
 *   <li>a message that parsed but lacks Via, From, To, Call-ID or CSeq is dropped (the stack would
 *       fail on a missing CSeq before looking at the others, and log the whole buffer);</li>
 *   <li>anything the parser itself throws besides a parse error is dropped;</li>
 *   <li>a request with a header the parser rejected (it would keep it as unparsed text), or that breaks
 *       the grammar where the parser is lenient ({@link WireForm}), is answered 400 the same way;</li>
 *   <li>a request of another SIP version than 2.0 (which the parser reads as 2.0) is given back with its
 *       version, for the stack to answer 505;</li>
 *   <li>requests that pass are handed on as {@link SentByKeyedRequest}s, so that their server
 *       transactions are told apart as RFC 3261 section 17.2.3 says.</li>
 * </ul>
 * (Datagrams longer than the endpoint's maximum message size are cut there by the stack and fail to
 * parse or to match their Content-Length.) The stack creates its parser factory by class name, so
 * endpoints register their log under their stack name here. The parser itself parses each distinct
 * line once ({@link RepeatingLineParser}).
 */
public final class CountingParserFactory implements MessageParserFactory {
    private static final Map<String, DropLog> LOGS = new ConcurrentHashMap<>();
    private static final int DETAIL_CHARS = 200;
    /** The parser is not told where the bytes came from. */
    private static final String SENDER_UNKNOWN = "a peer";
    /** Headers the stack copies by name from the raw text into its automatic 400. */
    private static final String[] COPIED = {"CSeq", "Call-ID", "From", "To"};
    private static final String SIP_2_0 = "SIP/2.0";

    /** Header and first lines kept per stack: a call's worth at thousands of calls per second. */
    private static final int PARSED_LINES = 8_192;

    private final MessageParser stock = new RepeatingLineParser(new ParsedLines(PARSED_LINES));

    static void register(String stackName, DropLog log) {
        LOGS.put(stackName, log);
    }

    static void unregister(String stackName) {
        LOGS.remove(stackName);
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = stock;
        DropLog log = stack instanceof SipStackImpl impl ? LOGS.get(impl.getStackName()) : null;
        if (log == null) return parser;
        return (bytes, readBody, strict, listener) -> {
            BrokenHeader broken = new BrokenHeader();
            SIPMessage message;
            try {
                message = parser.parseSIPMessage(bytes, readBody, strict, watched(listener, broken));
            } catch (ParseException e) {
                log.drop("unparsable message", SENDER_UNKNOWN, broken.detail(e) + ": " + preview(bytes));
                return refuse(bytes, broken.essential == null ? "malformed message" : "malformed " + broken.essential,
                        e.getErrorOffset());
            } catch (RuntimeException e) {
                log.drop("unparsable message", SENDER_UNKNOWN, e + ": " + preview(bytes));
                return null;
            }
            if (message == null) return null; // a keep-alive (CRLF)
            String missing = missingEssential(message);
            if (missing != null) {
                log.drop("missing " + missing, SENDER_UNKNOWN, preview(bytes));
                return null;
            }
            if (!(message instanceof SIPRequest request)) return message;
            String version = WireForm.version(bytes);
            if (version != null && !version.equals(SIP_2_0)) {
                // the parser reads any version as 2.0; put back what was sent, for the stack to answer 505
                log.drop("unsupported SIP version", SENDER_UNKNOWN, DropLog.printable(version, 20));
                request.getRequestLine().setSipVersion(version);
                return request;
            }
            String problem = broken.other != null ? "malformed " + broken.other + " header" : WireForm.problem(bytes);
            if (problem != null) {
                // a kind is our words: a header name from the sender goes in the detail only
                log.drop(broken.other != null ? "malformed header" : problem, SENDER_UNKNOWN, broken.detail(null) + preview(bytes));
                return refuse(bytes, problem, 0);
            }
            if (!request.getCSeq().getMethod().equalsIgnoreCase(request.getMethod())) {
                log.drop("CSeq method does not match", SENDER_UNKNOWN, preview(bytes)); // the stack answers it 400
            }
            return SentByKeyedRequest.of(request);
        };
    }

    /**
     * Has the stack answer the request in {@code bytes} with 400 and {@code reason}, by handing it a
     * parse error; null (a drop) when the stack could not build that answer from the text.
     */
    private static SIPMessage refuse(byte[] bytes, String reason, int offset) throws ParseException {
        if (!answerable(new String(bytes))) return null;
        throw new ParseException(reason, offset);
    }

    /** The first of the headers every message must carry that {@code message} lacks, or null. */
    static String missingEssential(SIPMessage message) {
        if (message.getTopmostVia() == null) return "Via";
        if (message.getFrom() == null) return "From";
        if (message.getTo() == null) return "To";
        if (message.getCallId() == null) return "Call-ID";
        if (message.getCSeq() == null) return "CSeq";
        if (message instanceof SIPRequest request && request.getRequestLine() == null) return "request line";
        return null;
    }

    /**
     * Whether the stack can build its automatic 400 from {@code text}: it copies each line that holds
     * "Via", and the first that holds each of CSeq, Call-ID, From and To, starting two characters before
     * the name, which fails when a name stands at the very start of the text.
     */
    static boolean answerable(String text) {
        for (int at = text.indexOf("Via"); at != -1; at = text.indexOf("Via", at + 1)) {
            if (at < 2) return false;
        }
        for (String name : COPIED) {
            int at = text.indexOf(name);
            if (at != -1 && at < 2) return false;
        }
        return true;
    }

    private static ParseExceptionListener watched(ParseExceptionListener listener, BrokenHeader broken) {
        if (listener == null) return null;
        return (e, message, headerClass, header, text) -> {
            if (broken.header == null) broken.header = header + ": " + e.getMessage();
            String essential = essentialName(headerClass);
            if (essential != null && broken.essential == null) broken.essential = essential;
            if (essential == null && broken.other == null) broken.other = headerName(header);
            listener.handleException(e, message, headerClass, header, text);
        };
    }

    /** The name of an essential header class, for the 400's reason phrase; null for other headers. */
    private static String essentialName(Class<?> headerClass) {
        if (headerClass == Via.class) return "Via header";
        if (headerClass == From.class) return "From header";
        if (headerClass == To.class) return "To header";
        if (headerClass == CallID.class) return "Call-ID header";
        if (headerClass == CSeq.class) return "CSeq header";
        if (headerClass == RequestLine.class) return "request line";
        return null;
    }

    /** The name of the header on {@code line}, printable and short, for a reason phrase. */
    private static String headerName(String line) {
        String name = line == null ? "" : line.split(":", 2)[0].trim();
        return DropLog.printable(name, 40).replace('?', ' ').trim();
    }

    /**
     * What the parser rejected in one message: the first essential header and the first other header
     * it found broken, and the first such header with the parser's words, for the one line the message
     * is counted with.
     */
    private static final class BrokenHeader {
        String essential;
        String other;
        String header;

        String detail(ParseException error) {
            String parser = error == null ? "" : error.getMessage();
            return header == null ? parser : header + (error == null ? " | " : " | " + parser);
        }
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, DETAIL_CHARS), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > DETAIL_CHARS ? "..." : "");
    }
}
