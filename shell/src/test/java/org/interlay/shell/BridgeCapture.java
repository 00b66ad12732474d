package org.interlay.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tcpdump on the bridge of a namespace LAN: every UDP packet between its hosts, printed as text
 * (SIP headers, mDNS TXT strings and the group's messages are readable), so that a test can read
 * what actually went over the wire.
 */
final class BridgeCapture implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(10);

    private final Process process;
    private final Path text;
    private final Path errors;

    private BridgeCapture(Process process, Path text, Path errors) {
        this.process = process;
        this.text = text;
        this.errors = errors;
    }

    /** Starts tcpdump under {@code inSwitch} (the switch namespace's command prefix); returns once it listens. */
    static BridgeCapture start(List<String> inSwitch, Path text) throws IOException, InterruptedException {
        Files.createDirectories(text.toAbsolutePath().getParent());
        Path errors = Path.of(text + ".err");
        List<String> command = new ArrayList<>(inSwitch);
        command.addAll(List.of("tcpdump", "-i", "br0", "-n", "-U", "-l", "-A", "-s", "0", "udp"));
        Process p = new ProcessBuilder(command).redirectOutput(text.toFile()).redirectError(errors.toFile()).start();
        BridgeCapture capture = new BridgeCapture(p, text, errors);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!Files.readString(errors).contains("listening on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("tcpdump did not start listening on br0: " + Files.readString(errors).strip());
            }
            TimeUnit.MILLISECONDS.sleep(50); // polls for tcpdump's own "listening" line, bounded by READY
        }
        return capture;
    }

    /** Stops the capture (tcpdump flushes on SIGTERM) and returns what it printed. */
    String stop() throws IOException, InterruptedException {
        close();
        return Files.readString(text, StandardCharsets.ISO_8859_1);
    }

    /** The printed lines that contain {@code needle}, with the header line of the packet each is in. */
    static List<String> linesWith(String capture, String needle) {
        List<String> found = new ArrayList<>();
        String packet = "";
        for (String line : capture.split("\n")) {
            if (line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ IP .*")) packet = line;
            if (line.contains(needle)) found.add(packet + "  |  " + line.strip());
        }
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
