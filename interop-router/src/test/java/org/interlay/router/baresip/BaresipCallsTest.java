package org.interlay.router.baresip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.testing.NamespaceChild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real phones across overlays: baresip to baresip for every ordered pair of Chord, Kademlia and
 * Pastry users, through their agents and a router, with three seconds of audio each way straight
 * between the phones; once with the phones on UDP, once on TCP. Everything runs inside a network
 * namespace made for the test, in a JVM of its own ({@link BaresipCallsMain}).
 */
@Tag("netns")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BaresipCallsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void everyOrderedPairOfOverlaysCalls(String transport) throws Exception {
        NamespaceChild.assumeAvailable("baresip");
        NamespaceChild.Result r = NamespaceChild.run(BaresipCallsMain.class, List.of(dir.toString(), transport),
                dir.resolve("calls.txt"), Duration.ofMinutes(3));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("6 of 6 calls over " + transport + " passed"), r.output());
    }

    /** The same with every agent authenticating its users: the phones register, message and call with their passwords. */
    @Test
    void phonesWithTheirPasswordsRegisterMessageAndCallWithAuthenticationOn() throws Exception {
        NamespaceChild.assumeAvailable("baresip");
        NamespaceChild.Result r = NamespaceChild.run(BaresipCallsMain.class, List.of(dir.toString(), "udp", "auth"),
                dir.resolve("calls.txt"), Duration.ofMinutes(3));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("3 of 3 messages with authentication on passed"), r.output());
        assertTrue(r.output().contains("6 of 6 calls over udp with authentication on passed"), r.output());
    }
}
