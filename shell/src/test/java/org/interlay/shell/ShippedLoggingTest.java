package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The logging configuration shipped with the command line: libraries' noise stays out, our warnings stay in. */
class ShippedLoggingTest {

    @ParameterizedTest
    @ValueSource(strings = {"javax.jmdns.impl.DNSIncoming", "org.jgroups.protocols.pbcast.GMS",
            "org.jgroups.protocols.pbcast.NAKACK2", "org.jgroups.protocols.RSVP", "org.jgroups.protocols.UNICAST3"})
    void librariesWarningsAboutOthersPacketsAndMembershipRacesAreNotShown(String logger) {
        assertFalse(LoggerFactory.getLogger(logger).isWarnEnabled(), logger);
        assertTrue(LoggerFactory.getLogger(logger).isErrorEnabled(), logger + " errors still show");
    }

    @Test
    void theGroupTransportsShutdownRacesAreNotShownEvenAsErrors() {
        assertFalse(LoggerFactory.getLogger("org.jgroups.protocols.UDP").isErrorEnabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.interlay.discovery.mdns.JmDnsDiscoverer", "org.interlay.discovery.jgroups.JGroupsDiscoverer",
            "org.interlay.router.sip.SipEndpoint"})
    void ourOwnRateLimitedWarningsAreShown(String logger) {
        assertTrue(LoggerFactory.getLogger(logger).isWarnEnabled(), logger);
    }
}
