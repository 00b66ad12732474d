package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at the keyboard, played by tmux: the lab's shell runs in a tmux pane (in a network
 * namespace of its own), keys are sent, and the screen is read back.
 */
@Tag("netns")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InteractiveShellTest {
    private static final String SESSION = "lab";
    private static final AtomicInteger SERVERS = new AtomicInteger();
    /** A tmux server of each test's own: one that a previous test's kill-server is still taking down takes no new session. */
    private final String server = "interlay-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

    @TempDir
    Path dir;

    @BeforeEach
    void needsTmux() {
        Assumptions.assumeTrue(PrivateNetwork.onPath("tmux"), "tmux is needed to drive the shell like a person");
        PrivateNetwork.assumeAvailable();
    }

    @AfterEach
    void killTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void aPersonListsOverlaysBecomesAUserSendsAndCompletes() throws Exception {
        String command = "INTERLAY_HISTORY=" + PrivateNetwork.quote(dir.resolve("history").toString()) + " "
                + PrivateNetwork.commandLine(List.of("lab", "--chord", "3", "--pastry", "3", "--kademlia", "3", "--routers", "1"));
        tmux("new-session", "-d", "-s", SESSION, "-x", "160", "-y", "60", command);
        awaitScreen("interlay>", 90); // tmux drops the trailing blank of the prompt

        String table = "";
        for (int attempt = 0; attempt < 20 && !(table.contains("chord.lab") && table.contains("pastry.lab")
                && table.contains("kad.lab")); attempt++) {
            type("overlays"); // discovery may still be filling the directory: ask again until all three are listed
            awaitScreen("LAST SEEN", 20);
            String screen = screen();
            table = screen.substring(screen.lastIndexOf("LAST SEEN"));
            if (!table.contains("kad.lab")) TimeUnit.MILLISECONDS.sleep(500);
        }
        assertTrue(table.contains("chord.lab") && table.contains("kademlia") && table.contains("kad.lab")
                && table.contains("pastry.lab"), table);

        type("as bob@kad.lab");
        awaitScreen("acting as bob@kad.lab", 20);
        type("as alice@chord.lab");
        awaitScreen("interlay:alice@chord.lab>", 20);

        type("send bob@kad.lab hi");
        awaitScreen("delivered to bob@kad.lab", 20);
        awaitScreen("<< message to bob@kad.lab from alice@chord.lab: hi", 10);

        keys("lookup bob@ka", "Tab");
        awaitScreen("lookup bob@kad.lab", 10);
        keys("Enter");
        awaitScreen("bob@kad.lab -> sip:bob@", 20);

        type("sned bob@kad.lab x");
        awaitScreen("error: unknown command 'sned'; did you mean 'send'?", 10);
        assertTrue(!screen().contains("Exception"), screen());

        type("quit");
        awaitGone(30);
        assertTrue(Files.readString(dir.resolve("history")).contains("send bob@kad.lab hi"), "history is kept between runs");
    }

    @Test
    void ctrlCCancelsTheRunningCommandAndTheLabGoesOn() throws Exception {
        String command = "INTERLAY_HISTORY=" + PrivateNetwork.quote(dir.resolve("history").toString()) + " "
                + PrivateNetwork.commandLine(List.of("lab", "--chord", "1", "--pastry", "1", "--kademlia", "1", "--routers", "0"));
        tmux("new-session", "-d", "-s", SESSION, "-x", "160", "-y", "60", command);
        awaitScreen("interlay>", 90);
        for (String slow : List.of("expect message from nobody@kad.lab within 60s", "sleep 5m")) {
            type(slow);
            awaitScreen(slow, 10);
            interruptUntil("interrupted", 1 + (slow.startsWith("sleep") ? 1 : 0), 20);
        }
        type("overlays");
        awaitScreen("LAST SEEN", 20);
        assertTrue(!screen().contains("Exception"), screen());
    }

    /**
     * Presses Ctrl-C until {@code text} is on the screen {@code times} times: a Ctrl-C that comes
     * before the command starts only clears the prompt, so it is pressed again.
     */
    private void interruptUntil(String text, int times, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            keys("C-c");
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < next) {
                if (screen().split(text, -1).length - 1 >= times) return;
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new AssertionError("Ctrl-C did not print '" + text + "'; the screen:\n" + screen());
    }

    private void type(String line) throws Exception {
        keys(line, "Enter");
    }

    private void keys(String... keys) throws Exception {
        String[] args = new String[keys.length + 3];
        args[0] = "send-keys";
        args[1] = "-t";
        args[2] = SESSION;
        System.arraycopy(keys, 0, args, 3, keys.length);
        tmux(args);
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", SESSION, "-S", "-60");
    }

    private void awaitScreen(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (s.contains(text)) return;
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("'" + text + "' did not appear within " + seconds + " s; the screen:\n" + s);
    }

    private void awaitGone(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder("tmux", "-L", server, "has-session").redirectErrorStream(true).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() != 0) return;
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the shell did not end after quit");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        String[] full = new String[args.length + 3];
        full[0] = "tmux";
        full[1] = "-L";
        full[2] = server;
        System.arraycopy(args, 0, full, 3, args.length);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}
