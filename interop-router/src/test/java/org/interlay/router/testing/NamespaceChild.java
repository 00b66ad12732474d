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
 * machine's network; or inside new network and mount namespaces with a resolv.conf of the test's own
 * ({@link #runWithResolver}), for servers that resolve through the system (Kamailio). What the child prints goes to a file; the child is killed if it outlives its limit.
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
        return run(List.of("unshare", "-n", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""), main, args, output, limit);
    }

    /**
     * As {@link #run}, in new network and mount namespaces where {@code resolvConf} is bind-mounted over
     * /etc/resolv.conf, so that servers that resolve through the system (Kamailio) ask the test's DNS server.
     */
    public static Result runWithResolver(Path resolvConf, Class<?> main, List<String> args, Path output, Duration limit)
            throws IOException, InterruptedException {
        return run(List.of("unshare", "-m", "-n", "sh", "-c",
                "ip link set lo up && mount --bind " + resolvConf + " /etc/resolv.conf && exec \"$0\" \"$@\""), main, args, output, limit);
    }

    /** Writes a resolv.conf naming only 127.0.0.1, for {@link #runWithResolver}. */
    public static Path loopbackResolvConf(Path dir) throws IOException {
        Path f = dir.resolve("resolv.conf");
        Files.writeString(f, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        return f;
    }

    private static Result run(List<String> wrapper, Class<?> main, List<String> args, Path output, Duration limit)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
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
