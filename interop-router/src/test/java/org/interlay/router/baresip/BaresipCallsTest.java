package org.interlay.router.baresip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Real phones across overlays: baresip to baresip for every ordered pair of Chord, Kademlia and
 * Pastry users, through their agents and a router, with three seconds of audio each way straight
 * between the phones; once with the phones on UDP, once on TCP. Everything runs inside a network
 * namespace made for the test ({@code unshare -n}), in a JVM of its own ({@link BaresipCallsMain}).
 */
@Tag("netns")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BaresipCallsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndBaresip() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        Assumptions.assumeTrue("0".equals(uid), "network namespaces need root (uid " + uid + ")");
        Assumptions.assumeTrue(Baresip.installed(), "baresip is not installed (Debian package baresip)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void everyOrderedPairOfOverlaysCalls(String transport) throws Exception {
        Path out = dir.resolve("calls.txt");
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.net.preferIPv4Stack=true", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                BaresipCallsMain.class.getName(), dir.toString(), transport));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the calls did not end within 3 minutes:\n" + Files.readString(out));
        }
        String transcript = Files.readString(out);
        System.out.println(transcript);
        assertEquals(0, p.exitValue(), transcript);
        assertTrue(transcript.contains("6 of 6 calls over " + transport + " passed"), transcript);
    }
}
