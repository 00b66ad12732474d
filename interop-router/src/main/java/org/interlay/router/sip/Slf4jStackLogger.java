package org.interlay.router.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the JAIN-SIP stack's own log lines to SLF4J (logger {@code org.interlay.router.sip.jainsip}),
 * so the stack writes no files of its own. Its debug and trace output stays off unless that logger
 * is at debug.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("org.interlay.router.sip.jainsip");

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
        log.warn("SIP stack exception", ex);
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
        log.warn(message);
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
            log.warn(message, ex);
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
