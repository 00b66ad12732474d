package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stack's own errors are counted in the one drop log, not logged with their stack trace. */
class Slf4jStackLoggerTest {
    @Test
    void everyErrorOfTheStackIsCounted() {
        Slf4jStackLogger logger = new Slf4jStackLogger();
        long before = Slf4jStackLogger.stackErrors().count();
        logger.logError("Error while processing incoming UDP packet[73, 78, 86, 73, 84, 69]", new NullPointerException());
        logger.logException(new StringIndexOutOfBoundsException("begin -2, end 40, length 252"));
        logger.logError("bad message INVITE sip:bob@chord.lab SIP/2.0");
        assertEquals(before + 3, Slf4jStackLogger.stackErrors().count());
        assertTrue(Slf4jStackLogger.stackErrors().count("NullPointerException") >= 1, "counted by kind");
    }
}
