package org.interlay.router.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.interlay.log.DropLog;
import org.interlay.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the JAIN-SIP stack's own log lines to SLF4J (logger {@code org.interlay.router.sip.jainsip}),
 * so the stack writes no files of its own. Its debug and trace output stays off unless that logger
 * is at debug.
 *
 * <p>The stack's classes log through one logger for the whole JVM (the last one a stack was created
 * with), not through their stack's. Its errors are mostly about what a peer sent (the stack's message
 * channel catches whatever failed on a datagram and logs it with the whole receive buffer as a list of
 * numbers): each is counted in {@link #stackErrors()} and written through that {@link DropLog}, cut to
 * its first words, without a stack trace (which is logged at debug only).
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("org.interlay.router.sip.jainsip");
    private static final int TEXT_CHARS = 120;
    private static final long SUMMARY_MILLIS = 10_000;
    private static final DropLog ERRORS = new DropLog(log, "errors inside the SIP stack", Clock.system(), SUMMARY_MILLIS);

    /** The errors the SIP stacks of this JVM reported (all stacks together), counted and rate-limited. */
    public static DropLog stackErrors() {
        return ERRORS;
    }

    /** Counts one error of the stack; its text is cut before any dump of the message it was about. */
    private static void stackError(String message, Throwable cause) {
        String text = message == null ? "" : message;
        int dump = text.indexOf('[');
        if (dump >= 0) text = text.substring(0, dump);
        String said = DropLog.printable(text.trim(), TEXT_CHARS);
        String thrown = cause == null ? "" : DropLog.printable(cause.toString(), TEXT_CHARS);
        String detail = said.isEmpty() ? thrown : thrown.isEmpty() ? said : said + ": " + thrown;
        ERRORS.drop(cause == null ? "stack error" : cause.getClass().getSimpleName(), "a peer", detail);
        if (cause != null && log.isDebugEnabled()) log.debug("inside the SIP stack: {}", detail, cause);
    }

    @Override
    public void logStackTrace() {
        // the stack asks for its own call stack around trace output; never wanted here
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        stackError(null, ex);
    }

    @Override
    public void logDebug(String message) {
        log.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        stackError(message, null);
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_ERROR) return log.isWarnEnabled();
        if (logLevel <= TRACE_INFO) return log.isInfoEnabled();
        if (logLevel <= TRACE_DEBUG) return log.isDebugEnabled();
        return log.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof InterruptedException) {
            log.debug(message, ex); // the event scanner, woken when its endpoint closes
        } else if (message != null && message.contains("single CLRF")) {
            // a TCP connection that ended (its peer closed it, or it was closed idle or for room) is
            // fed a CRLF CRLF by the stack's reader, which it then tries to answer as a keep-alive on
            // the closed connection: one such failure for each connection that ends, nothing wrong
            log.debug(message, ex);
        } else if (ex instanceof java.io.IOException) {
            // a peer that cannot be reached over TCP (no listener, gone): the sender is told through the
            // failed send (and a request moved to TCP for its size goes again over UDP); no trace at warn
            log.debug(message, ex);
        } else {
            stackError(message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        log.debug(message); // the stack warns of settings it defaulted (TLS stores and the like): not ours to fix
    }

    @Override
    public void logInfo(String message) {
        log.debug(message);
    }

    @Override
    public void disableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void enableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
