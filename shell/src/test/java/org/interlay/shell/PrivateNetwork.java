package org.interlay.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the interlay command in a network namespace of its own ({@code unshare -n}, loopback up with
 * multicast), so the lab's mDNS and JGroups traffic stays inside the test and labs of parallel runs
 * never see each other. The namespace goes away with the process.
 */
final class PrivateNetwork {
    private PrivateNetwork() {}

    static void assumeAvailable() {
        Assumptions.assumeTrue(onPath("unshare") && onPath("ip"), "unshare and ip (util-linux, iproute2) are needed");
        Assumptions.assumeTrue(canUnshare(), "this user cannot make a network namespace (unshare -rn failed)");
    }

    /** The shell line that runs {@code args} as the interlay command inside a fresh namespace. */
    static String commandLine(List<String> args) {
        List<String> java = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), Interlay.class.getName()));
        java.addAll(args);
        String inner = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && exec "
                + String.join(" ", java.stream().map(PrivateNetwork::quote).toList());
        return "unshare " + (isRoot() ? "-n" : "-rn") + " sh -c " + quote(inner);
    }

    static Process start(List<String> args, Path output) throws IOException {
        return new ProcessBuilder("sh", "-c", commandLine(args) + " </dev/null")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Runs to the end (or kills it after {@code limitSeconds}); the exit code, -1 when killed. */
    static int run(List<String> args, Path output, long limitSeconds) throws Exception {
        Process p = start(args, output);
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** What a lab printed, and its exit code (-1 when it was killed at its time limit). */
    record Transcript(int exitCode, String text) {}

    /**
     * Writes {@code lines} as the script {@code name} in {@code dir} and runs {@code lab <labArgs>
     * --script} on it in a namespace of its own, for at most {@code limitSeconds}.
     */
    static Transcript labScript(Path dir, String name, List<String> lines, List<String> labArgs, long limitSeconds)
            throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, String.join("\n", lines) + "\n");
        Path out = dir.resolve(name + ".out");
        List<String> args = new ArrayList<>(List.of("lab"));
        args.addAll(labArgs);
        args.addAll(List.of("--script", script.toString()));
        int code = run(args, out, limitSeconds);
        return new Transcript(code, Files.readString(out));
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static boolean canUnshare() {
        try {
            Process p = new ProcessBuilder("unshare", isRoot() ? "-n" : "-rn", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
