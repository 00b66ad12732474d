package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesHostNamesAndIpv4Addresses() throws InvalidAdvertException {
        assertEquals(new HostPort("10.77.0.1", 5060), HostPort.parse("10.77.0.1:5060"));
        assertEquals(new HostPort("peer-1.chord.lab", 1), HostPort.parse("peer-1.chord.lab:1"));
        assertEquals("node:65535", HostPort.parse("node:65535").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":5060", "host:", "host", "host:0", "host:65536", "host:50600000", "host:+50",
            "host:5x", "host :5060", "[::1]:5060", "::1", "a:b:5060", "256.1.1.1:5060", "1.2.3:5060", "01.2.3.4:5060",
            "-host:5060", "host-:5060", "ho_st:5060", "a..b:5060", "host.:5060"})
    void rejectsAnythingElse(String text) {
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class, () -> HostPort.parse(text));
        assertEquals(InvalidAdvertException.Problem.BAD_HOST_PORT, error.problem());
    }

    @Test
    void constructorChecksToo() {
        assertThrows(IllegalArgumentException.class, () -> new HostPort("bad host", 5060));
        assertThrows(IllegalArgumentException.class, () -> new HostPort("host", 0));
    }
}
