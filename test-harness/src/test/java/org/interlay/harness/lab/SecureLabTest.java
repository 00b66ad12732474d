package org.interlay.harness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secure lab (its own authority) in a network namespace of its own, attacked and used by
 * {@link SecureLabMain}: users authenticated with the lab's passwords message and call across the
 * router over TLS; REGISTER without the password gets 401 and binds nothing; a MESSAGE claiming alice
 * from a client without credentials is refused; every record the peers hold is signed.
 */
@Tag("slow")
@Tag("netns")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecureLabTest {
    @TempDir
    Path dir;

    @Test
    void usersOfTheLabsAuthorityMessageAndCallAndNobodyElseIsBelieved() throws Exception {
        String output = runInNamespace(SecureLabMain.class);
        System.out.println(output);
        assertTrue(output.contains("ALL CHECKS HELD"), output);
        assertTrue(output.contains("ok: REGISTER for alice without the password: 401"), output);
    }

    private String runInNamespace(Class<?> main) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "a network namespace needs root");
        Path output = dir.resolve("out.txt");
        List<String> command = List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(main.getSimpleName() + " did not end within 150 s:\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
