package org.interlay.router.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian package sip-tester) run as a real SIP client or server on 127.0.0.1, with the
 * scenarios kept in src/test/resources/sipp. Every run is bounded: -timeout for SIPp itself and a
 * deadline here, after which the process is killed.
 */
public final class Sipp {
    private Sipp() {
    }

    /** True when a sipp executable is on the PATH. */
    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "sipp"))) return true;
        }
        return false;
    }

    /** The file of a scenario kept in the test resources. */
    public static Path scenario(String name) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no SIPp scenario " + name, e);
        }
    }

    /** A UDP port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts sipp with the common safe options (bound to 127.0.0.1, no stdin, its own timeout) and
     * {@code args}; the output goes to a file kept for the failure message.
     */
    public static Run start(String scenario, int localPort, Duration timeout, List<String> args) {
        return start(scenario, localPort, timeout, args, null);
    }

    /** As {@link #start(String, int, Duration, List)}, run in {@code workDir} (where sipp writes its trace files). */
    public static Run start(String scenario, int localPort, Duration timeout, List<String> args, Path workDir) {
        List<String> command = new ArrayList<>(List.of("sipp"));
        command.addAll(args);
        command.addAll(List.of("-sf", scenario(scenario).toString(), "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-nostdin", "-timeout", timeout.toSeconds() + "s", "-timeout_error"));
        try {
            Path log = Files.createTempFile("sipp-" + scenario.replace(".xml", ""), ".log");
            ProcessBuilder builder = new ProcessBuilder(command);
            if (workDir != null) builder.directory(workDir.toFile());
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new Run(command, process, log, timeout.plusSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp", e);
        }
    }

    /** One sipp process. */
    public static final class Run implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final Path log;
        private final Duration limit;

        Run(List<String> command, Process process, Path log, Duration limit) {
            this.command = command;
            this.process = process;
            this.log = log;
            this.limit = limit;
        }

        /** Waits for sipp to end (killing it past its limit) and returns its exit code. */
        public int await() throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        }

        /** Stops sipp (SIGTERM), as when a server is no longer needed. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        }

        /** The command and what sipp printed, for failure messages. */
        public String report() {
            try {
                String out = Files.readString(log);
                return String.join(" ", command) + "\n" + (out.length() > 4000 ? out.substring(out.length() - 4000) : out);
            } catch (IOException e) {
                return String.join(" ", command) + " (no output: " + e + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) process.destroyForcibly();
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }
}
