package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellRunnerTest {
    private static final ShellWorld NO_LAB = new ShellWorld() {
        @Override
        public int overlayCount() {
            return 0;
        }

        @Override
        public Optional<List<String>> unsettled() {
            return Optional.empty();
        }

        @Override
        public long[] audioWith(String aor) {
            return new long[] {0, 0};
        }
    };

    private final List<String> ran = new ArrayList<>();

    private ShellCommand command(String name, String synopsis) {
        return new ShellCommand(name, synopsis, "does " + name, List.of(), (args, out) -> {
            ran.add(name);
            out.println("ran " + name + " " + args);
        });
    }

    private final EventLog events = new EventLog();
    private final ShellRunner runner = new ShellRunner(new CommandTable()
            .add(command("send", "<aor> <text...>")).add(command("stats", "")).add(command("inbox", ""))
            .add(command("node add", "<overlay> [n]")).add(command("node kill", "<id>")).add(command("router kill", "<id>|active"))
            .add(new ShellCommand("deliver", "<text>", "a message arrives while the command prints", List.of(), (args, out) -> {
                out.println("delivered");
                Thread sip = new Thread(() -> events.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab",
                        "alice@chord.lab", args.get(0))));
                sip.start();
                sip.join();
                events.add(new ShellEvent.Notice(Instant.now(), "overlay x found"));
            })),
            events, NO_LAB, new EventEcho(events));

    private String script(String... lines) throws Exception {
        StringWriter text = new StringWriter();
        runner.runScript(new BufferedReader(new StringReader(String.join("\n", lines))), new PrintWriter(text), "t.il");
        return text.toString();
    }

    private String run(String line) {
        StringWriter text = new StringWriter();
        runner.execute(line, new PrintWriter(text));
        return text.toString();
    }

    /**
     * Lines that come on a pipe, read one at a time: a reader that hands out {@code lines} and fails
     * the test if it is asked for more, and that records, before each line, what the runner had
     * flushed to {@code flushed} by then.
     */
    private static final class PipedLines extends java.io.Reader {
        private final List<String> lines;
        private final StringBuilder flushed;
        final List<String> flushedBeforeLine = new ArrayList<>();
        private int next;

        PipedLines(StringBuilder flushed, String... lines) {
            this.lines = List.of(lines);
            this.flushed = flushed;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next == lines.size()) throw new AssertionError("read past the last line: " + lines);
            flushedBeforeLine.add(flushed.toString());
            String line = lines.get(next++) + "\n";
            line.getChars(0, line.length(), buffer, offset); // each line is shorter than the reader's buffer
            return line.length();
        }

        @Override
        public void close() {
        }
    }

    /** A writer whose text counts only once flushed, as on a pipe. */
    private static final class FlushedText extends java.io.Writer {
        final StringBuilder flushed = new StringBuilder();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public void write(char[] buffer, int offset, int length) {
            pending.append(buffer, offset, length);
        }

        @Override
        public void flush() {
            flushed.append(pending);
            pending.setLength(0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void onAPipeEachLinesAnswerIsFlushedBeforeTheNextLineIsReadAndNothingIsReadAfterQuit() throws Exception {
        FlushedText out = new FlushedText();
        PipedLines in = new PipedLines(out.flushed, "stats", "inbox", "quit");
        int code = runner.runScript(new BufferedReader(in, 64), new PrintWriter(out, false), "stdin");
        assertEquals(0, code);
        assertEquals(3, in.flushedBeforeLine.size(), "read exactly three lines");
        assertTrue(in.flushedBeforeLine.get(1).endsWith("ran stats []\n"), "the answer to stats, before inbox is read: "
                + in.flushedBeforeLine.get(1));
        assertTrue(in.flushedBeforeLine.get(2).endsWith("ran inbox []\n"), in.flushedBeforeLine.get(2));
    }

    @Test
    void everyListedCommandHasHelpOfItsOwn() {
        String list = run("help");
        for (ShellCommand c : runner.commands().all()) {
            assertTrue(list.contains(c.usage()), c.name() + " is listed:\n" + list);
            String one = run("help " + c.name());
            assertTrue(one.contains(c.usage()) && one.contains(c.summary()) && !one.contains("error"), "help " + c.name() + ": " + one);
        }
        for (String builtIn : List.of("watch", "sleep", "help", "quit", "expect")) {
            assertTrue(list.contains("  " + builtIn), builtIn + " is listed:\n" + list);
        }
        assertTrue(run("help exit").contains("quit"), run("help exit"));
        assertTrue(run("help expect").contains("expect presence <aor> is <status>"), run("help expect"));
    }

    @Test
    void helpOnTheFirstWordOfTwoWordCommandsListsThem() {
        String node = run("help node");
        assertTrue(node.contains("node add <overlay> [n]") && node.contains("node kill <id>") && !node.contains("error"), node);
        String router = run("help router");
        assertTrue(router.contains("router kill <id>|active") && !router.contains("error"), router);
        assertEquals("error: no command 'sedn'; did you mean 'send'?\n", run("help sedn"));
    }

    @Test
    void extraWordsAreRejectedNotIgnored() {
        for (String name : List.of("stats", "inbox", "quit", "exit")) {
            assertEquals("error: '" + (name.equals("exit") ? "quit" : name) + "' takes no arguments\n", run(name + " extra"), name);
        }
        assertFalse(runner.quitRequested());
        assertTrue(run("send bob@kad.lab").startsWith("error: usage: send <aor> <text...>"), run("send bob@kad.lab"));
        assertTrue(run("node add chord 2 3").startsWith("error: usage: node add <overlay> [n]"), run("node add chord 2 3"));
        assertTrue(run("watch on off").startsWith("error: usage: watch [off]"), run("watch on off"));
        assertEquals("ran send [bob@kad.lab, hello, there]\n", run("send bob@kad.lab hello there"));
        run("quit");
        assertTrue(runner.quitRequested());
    }

    @Test
    void aScriptIsCheckedLineByLineWithoutRunningIt() {
        assertEquals(List.of("t.il:2: error: unknown command 'sned'; did you mean 'send'? (type 'help' for the list)",
                        "t.il:3: error: 'stats' takes no arguments",
                        "t.il:4: error: cannot expect 'weather'; " + ExpectParser.FORMS,
                        "t.il:5: error: '5 s' is not a duration: use a number with ms, s, m or h, e.g. 2s",
                        "t.il:6: error: unterminated quote: close it with \"",
                        "t.il:8: error: usage: node add <overlay> [n] ('help node add' says more)"),
                runner.check(List.of("send bob@kad.lab hi # fine", "sned bob@kad.lab hi", "stats now", "expect weather sunny",
                        "sleep \"5 s\"", "send bob@kad.lab \"hi", "", "node add"), "t.il"));
        assertEquals(List.of(), ran, "nothing ran while checking");
    }

    @Test
    void aScriptEndsWithALineOfWhatRanAndHeld() throws Exception {
        String passed = script("send bob@kad.lab hi", "# a comment", "expect overlays 0 within 1s", "", "expect overlays 0");
        assertTrue(passed.matches("(?s).*\nscript t\\.il: 3 lines, 2 expectations held, \\d+\\.\\d s\n"), passed);
        String failed = script("expect overlays 0", "expect overlays 2 within 10ms", "stats");
        assertTrue(failed.matches("(?s).*\nt\\.il:2: failed: expect overlays 2 within 10ms\n"
                + "script t\\.il: failed at line 2 after 2 lines, 1 expectation held, \\d+\\.\\d s\n"), failed);
    }

    @Test
    void aScriptPrintsWhatHappenedDuringALineBeforeThatLinesOutputAndNoticesOnlyWhileWatching() throws Exception {
        String transcript = script("deliver one", "watch", "deliver two");
        assertEquals(String.join("\n", "> deliver one", "<< message to bob@kad.lab from alice@chord.lab: one", "delivered",
                "> watch", "watching: notices are printed as they happen, besides messages and presence ('watch off' stops)",
                "> deliver two", "<< message to bob@kad.lab from alice@chord.lab: two", "[watch] overlay x found", "delivered",
                ""), transcript.substring(0, transcript.indexOf("script t.il:")));
    }
}
