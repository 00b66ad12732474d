package org.interlay.harness.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a main class of the test class path in a JVM of its own inside new network and mount
 * namespaces ({@code unshare -m -n}, loopback up) where a resolv.conf naming 127.0.0.1 is
 * bind-mounted over /etc/resolv.conf, so that servers resolving through the system (Kamailio) ask
 * the test's own named. What the child prints goes to a file; the child is killed if it outlives its limit.
 */
final class ResolverNamespace {
    record Result(int exitCode, String output) {}

    private ResolverNamespace() {
    }

    /** Skips the calling test, saying why, unless this runs as root with {@code tools} installed. */
    static void assumeAvailable(String... tools) throws IOException {
        String uid = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        Assumptions.assumeTrue("0".equals(uid), "network and mount namespaces need root (uid " + uid + ")");
        for (String tool : tools) {
            boolean found = false;
            for (String dir : (System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin").split(":")) {
                found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool));
            }
            Assumptions.assumeTrue(found, tool + " is not installed");
        }
    }

    static Result run(Class<?> main, List<String> args, Path dir, Duration limit) throws IOException, InterruptedException {
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        Path output = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "-n", "sh", "-c",
                "ip link set lo up && mount --bind " + resolv + " /etc/resolv.conf && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(main.getSimpleName() + " did not end within " + limit + ":\n" + Files.readString(output));
        }
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
