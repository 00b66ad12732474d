package org.interlay.router.testing;

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
 * Runs a main class of the test class path in a JVM of its own inside a new network namespace
 * ({@code unshare -n}, loopback up), for tests whose servers (named, baresip) must not touch the
 * machine's network. What the child prints goes to a file; the child is killed if it outlives its limit.
 */
public final class NamespaceChild {
    /** How a child ended: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {}

    private NamespaceChild() {
    }

    /** Skips the calling test, saying why, unless this runs as root with unshare at hand and {@code tools} installed. */
    public static void assumeAvailable(String... tools) {
        Assumptions.assumeTrue("0".equals(uid()), "network namespaces need root (uid " + uid() + ")");
        for (String tool : tools) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
    }

    public static Result run(Class<?> main, List<String> args, Path output, Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
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

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static String uid() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
