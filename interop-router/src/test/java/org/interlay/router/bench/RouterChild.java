package org.interlay.router.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link RouterProcess} started by the benchmark: its output lines, and a way to kill it. */
final class RouterChild implements AutoCloseable {
    private final String id;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile String lastBridgeLine = "";

    private RouterChild(String id, Process process) {
        this.id = id;
        this.process = process;
        Thread reader = new Thread(this::read, "output-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    static RouterChild start(String id, int groupPort, String members, List<String> entries) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.org.interlay.router=info",
                "-Dinterlay.group.port=" + groupPort, "-Dinterlay.group.members=" + members,
                "-cp", System.getProperty("java.class.path"), RouterProcess.class.getName(), id));
        command.addAll(entries);
        return new RouterChild(id, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.contains("router " + id + " bridges")) lastBridgeLine = line;
                lines.add(line);
            }
        } catch (IOException e) {
            // the process died: nothing more to read
        }
    }

    String id() {
        return id;
    }

    /** Waits for the READY line; returns the router's SIP port. */
    int awaitReady(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("READY " + id + " ")) return Integer.parseInt(line.split(" ")[2]);
            if (!process.isAlive()) break;
        }
        throw new IllegalStateException("router " + id + " did not start: " + String.join("\n", lines));
    }

    /** True when this router last said it bridges something (it is the active one). */
    boolean saysItBridges() {
        return lastBridgeLine.contains("bridges [");
    }

    /** True when this router has said whether it bridges anything. */
    boolean hasSpoken() {
        return !lastBridgeLine.isEmpty();
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
    }
}
