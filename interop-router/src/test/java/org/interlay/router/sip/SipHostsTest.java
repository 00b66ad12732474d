package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SipHostsTest {
    @Test
    void addressLiteralsAreIpv4DigitsAndDotsOrBracketedIpv6() {
        assertTrue(SipHosts.isAddressLiteral("127.0.0.1"));
        assertTrue(SipHosts.isAddressLiteral("[::1]"));
        assertFalse(SipHosts.isAddressLiteral("chord.lab"));
        assertFalse(SipHosts.isAddressLiteral("10.0.0.1a"));
    }

    @Test
    void domainNamesAreDottedNamesThatAreNoAddressLiterals() {
        assertTrue(SipHosts.isDomainName("chord.lab"));
        assertTrue(SipHosts.isDomainName("a.b.c"));
        assertFalse(SipHosts.isDomainName("localhost"), "no dot");
        assertFalse(SipHosts.isDomainName(".lab"), "no first label");
        assertFalse(SipHosts.isDomainName("192.168.1.2"));
        assertFalse(SipHosts.isDomainName("[2001:db8::1]"));
    }
}
