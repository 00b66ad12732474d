package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `interlay node --dns-update` against a real BIND, in a network namespace of the test's own: the
 * agents appear in {@code dig SRV _sip._udp.chord.lab}, a killed one is gone within 30 s, and the SRV
 * set is empty once the last one stops (the script is src/test/resources/dns-entry-points.sh).
 */
@Tag("netns")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DnsEntryPointsTest {
    @TempDir
    Path dir;

    @Test
    void agentsComeAndGoInDns() throws Exception {
        PrivateNetwork.assumeAvailable();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "named runs as root in the namespace");
        Assumptions.assumeTrue(PrivateNetwork.onPath("named") && PrivateNetwork.onPath("dig"), "named and dig (bind9, dnsutils) are needed");
        Path script = dir.resolve("dns-entry-points.sh");
        try (var in = getClass().getResourceAsStream("/dns-entry-points.sh")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder("unshare", "-n", "sh", "-c",
                "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && exec sh \"$0\"", script.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String transcript = Files.readString(out);
        System.out.println(transcript);
        assertEquals(0, p.exitValue(), transcript);
        assertTrue(transcript.contains("PASS"), transcript);
    }
}
