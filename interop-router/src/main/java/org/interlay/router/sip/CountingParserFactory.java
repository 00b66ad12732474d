package org.interlay.router.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.interlay.log.DropLog;

/**
 * The stack's own parser, watched: every message it cannot read (and every header it rejects) is
 * recorded in the {@link DropLog} of the endpoint it arrived on, then handled as the stack
 * would: a request whose essential header is broken is answered 400, other garbage is dropped. The
 * parser's error text goes into that 400's reason phrase, so it is first made one printable line.
 * (Datagrams longer than the endpoint's maximum message size are cut there by the stack and fail to
 * parse.) The stack creates its parser factory by class name, so endpoints register their log under
 * their stack name here.
 */
public final class CountingParserFactory implements MessageParserFactory {
    private static final Map<String, DropLog> LOGS = new ConcurrentHashMap<>();
    private static final int DETAIL_CHARS = 200;
    /** The parser is not told where the bytes came from. */
    private static final String SENDER_UNKNOWN = "a peer";

    private final MessageParserFactory stock = new StringMsgParserFactory();

    static void register(String stackName, DropLog log) {
        LOGS.put(stackName, log);
    }

    static void unregister(String stackName) {
        LOGS.remove(stackName);
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = stock.createMessageParser(stack);
        DropLog log = stack instanceof SipStackImpl impl ? LOGS.get(impl.getStackName()) : null;
        if (log == null) return parser;
        return (bytes, readBody, strict, listener) -> {
            try {
                return parser.parseSIPMessage(bytes, readBody, strict, watched(listener, log));
            } catch (ParseException e) {
                log.drop("unparsable message", SENDER_UNKNOWN, e.getMessage() + ": " + preview(bytes));
                throw new ParseException(DropLog.printable(e.getMessage(), 80).replace('?', ' ').trim(),
                        e.getErrorOffset());
            }
        };
    }

    private static ParseExceptionListener watched(ParseExceptionListener listener, DropLog log) {
        if (listener == null) return null;
        return (e, message, headerClass, header, text) -> {
            log.drop("bad header", SENDER_UNKNOWN, header + ": " + e.getMessage());
            listener.handleException(e, message, headerClass, header, text);
        };
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, DETAIL_CHARS), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > DETAIL_CHARS ? "..." : "");
    }
}
