package org.interlay.discovery.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java main of the test class path run in its own JVM inside a namespace. Its stdout lines are
 * kept (each with the time it was read) for the test to wait on; stderr, its log, goes to a file.
 */
public final class ChildProcess implements AutoCloseable {

    /** Where child logs go, one file per child. */
    public static final Path LOG_DIR = Path.of("target", "netns-logs");

    private final String label;
    private final Process process;
    private final PrintWriter stdin;
    private final Path log;
    private final List<String> lines = new ArrayList<>();

    private ChildProcess(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "child-stdout-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} under the given command prefix
     * (for example {@code ip netns exec NAME}); {@code label} names its log file.
     */
    public static ChildProcess start(List<String> prefix, String label, Class<?> mainClass, List<String> args) throws IOException {
        return start(prefix, label, mainClass, args, List.of());
    }

    /** As {@link #start(List, String, Class, List)}, with more JVM options (e.g. system properties). */
    public static ChildProcess start(List<String> prefix, String label, Class<?> mainClass, List<String> args,
                                     List<String> jvmOptions) throws IOException {
        Files.createDirectories(LOG_DIR);
        Path log = LOG_DIR.resolve(label + ".log");
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.showDateTime=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildProcess(label, process, log);
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void readStdout() {
        Path copy = Path.of(log.toString().replaceFirst("\\.log$", ".out"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(copy, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the child is gone; waiters time out and say so
        }
    }

    /** Waits for a stdout line, among all lines so far, that matches. */
    public String awaitLine(Predicate<String> matching, Duration limit, String what) {
        return awaitLineAfter(0, matching, limit, what);
    }

    /** Waits for a matching stdout line at index {@code from} or later. */
    public String awaitLineAfter(int from, Predicate<String> matching, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lines) {
            while (true) {
                for (int i = from; i < lines.size(); i++) {
                    if (matching.test(lines.get(i))) {
                        return lines.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !hasReaderBacklog())) {
                    throw new AssertionError(label + ": no " + what + " within " + limit
                            + (process.isAlive() ? "" : " (process exited)") + "; output: " + lines + "; log: " + log);
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    private boolean hasReaderBacklog() {
        try {
            return process.getInputStream().available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** How many stdout lines have been read so far. */
    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The stdout lines read so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The stdout lines read so far from index {@code from} on. */
    public List<String> linesSince(int from) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
        }
    }

    public void send(String command) {
        stdin.println(command);
    }

    /**
     * Sends SIGTERM: the process runs its shutdown hooks, as a node stopped by its service manager.
     * Only the signal: {@link Process#destroy} would also close the pipes, and the child would read the
     * end of its input at the same time.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL: the process gets no chance to say goodbye. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stdin.close();
        try {
            if (!process.waitFor(8, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
