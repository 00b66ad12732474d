package org.interlay.shell.repl;

import org.interlay.text.Plural;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell lines: the session's commands plus the shell's own ({@code watch}, {@code expect},
 * {@code sleep}, {@code help}, {@code quit}), all in one {@link CommandTable}. A wrong line gets one line of error,
 * never a stack trace. A script stops at its first failed line or unmet expectation, saying what was
 * seen instead, and its exit code says whether every line held.
 */
public final class ShellRunner {
    private final CommandTable commands;
    private final EventLog events;
    private final ShellWorld world;
    private final EventEcho echo;
    private boolean quit;
    private int expectationsHeld;

    /** @param echo prints events; {@code watch} turns its notices on and off, and scripts print it between lines */
    public ShellRunner(CommandTable commands, EventLog events, ShellWorld world, EventEcho echo) {
        this.commands = commands;
        this.events = events;
        this.world = world;
        this.echo = echo;
        addBuiltIns();
    }

    /** The shell's own commands, after the session's: {@code watch}, {@code expect}, {@code sleep}, {@code help}, {@code quit}. */
    private void addBuiltIns() {
        commands.add(new ShellCommand("watch", "[off]", "print notices (overlays found or gone, ...) as they happen, or stop",
                List.of(ShellCommand.Completion.NONE), this::watch));
        commands.add(new ShellCommand("expect", "<condition...>",
                "wait for messages, a presence, overlays, a burst, a settled lab (scripts)", List.of(ShellCommand.Completion.NONE),
                (args, out) -> expect(ExpectParser.parse(args), out))
                .withDetails(ExpectParser.FORMS.split(" \\| ")));
        commands.add(new ShellCommand("sleep", "<duration>", "wait, e.g. sleep 500ms (scripts)", List.of(), (args, out) -> sleep(args)));
        commands.add(new ShellCommand("help", "[command...]", "this list, or more on one command",
                List.of(ShellCommand.Completion.COMMAND), this::help));
        commands.add(new ShellCommand("quit", "", "leave the shell (a lab stops with it); 'exit' does the same", List.of(),
                (args, out) -> quit = true));
        commands.alias("exit", "quit");
    }

    public CommandTable commands() {
        return commands;
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Runs one line; false when it failed (the reason has been printed). */
    public boolean execute(String line, PrintWriter out) {
        try {
            List<String> words = LineTokenizer.split(line);
            if (words.isEmpty()) return true;
            CommandTable.Call call = commands.resolve(words);
            call.command().action().run(call.args(), out);
            return true;
        } catch (UnmetExpectation e) {
            out.println(e.getMessage());
        } catch (ShellInputException e) {
            out.println("error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted");
        } catch (Exception e) {
            out.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            out.flush();
        }
        return false;
    }

    /**
     * Runs a script; 0 when every line ran and every expectation held, 1 otherwise. It ends with one
     * line: how many lines ran, how many expectations held, how long it took, and where it failed.
     */
    public int runScript(BufferedReader in, PrintWriter out, String name) throws IOException {
        long start = System.nanoTime();
        int heldBefore = expectationsHeld;
        String line;
        int number = 0, run = 0, failedAt = 0;
        while (failedAt == 0 && !quit && (line = in.readLine()) != null) { // after quit, no line more is awaited
            number++;
            if (isBlank(line)) continue;
            run++;
            echo.printNew(out::println);
            out.println("> " + line.strip());
            StringWriter output = new StringWriter();
            boolean ok = execute(line, new PrintWriter(output));
            echo.printNew(out::println);
            out.print(output);
            out.flush(); // a line's answer is seen before the next line is read: a program may be waiting for it on a pipe
            if (!ok) {
                out.println(name + ":" + number + ": failed: " + line.strip());
                failedAt = number;
            }
        }
        echo.printNew(out::println);
        out.printf("script %s: %s%s, %s held, %.1f s%n", name, failedAt > 0 ? "failed at line " + failedAt + " after " : "",
                Plural.of(run, "line"), Plural.of(expectationsHeld - heldBefore, "expectation"), (System.nanoTime() - start) / 1e9);
        out.flush();
        return failedAt > 0 ? 1 : 0;
    }

    /**
     * Checks a script without running it: every line's words, command name, number of words, and the
     * form of {@code expect} and {@code sleep} lines. One line per problem, as {@code name:line: error: ...}.
     */
    public List<String> check(List<String> lines, String name) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                check(lines.get(i));
            } catch (ShellInputException e) {
                problems.add(name + ":" + (i + 1) + ": error: " + e.getMessage());
            }
        }
        return problems;
    }

    private void check(String line) {
        List<String> words = LineTokenizer.split(line);
        if (words.isEmpty()) return;
        CommandTable.Call call = commands.resolve(words);
        switch (call.command().name()) {
            case "expect" -> ExpectParser.parse(call.args());
            case "sleep" -> sleepDuration(call.args());
            default -> { }
        }
    }

    /** Blank or only a comment; a line that does not split (an open quote) is not blank: running it says why. */
    private static boolean isBlank(String line) {
        try {
            return LineTokenizer.split(line).isEmpty();
        } catch (ShellInputException e) {
            return false;
        }
    }

    private void expect(Expectation e, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + e.within().toNanos();
        while (true) {
            int seen = events.size();
            if (e.check(events, world)) {
                out.println("ok: " + e.describe());
                expectationsHeld++;
                return;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) break;
            events.awaitMore(seen, Math.min(left, 100));
        }
        throw new UnmetExpectation("expected " + e.describe() + "; saw " + e.whatWasSeen(events, world));
    }

    private void sleep(List<String> args) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(sleepDuration(args).toMillis());
    }

    private static Duration sleepDuration(List<String> args) {
        Duration d = Durations.parse(args.get(0));
        if (d.compareTo(Duration.ofMinutes(10)) > 0) throw new ShellInputException("sleep at most 10m");
        return d;
    }

    private void watch(List<String> args, PrintWriter out) {
        boolean off = args.size() == 1 && args.get(0).equals("off");
        if (!args.isEmpty() && !off) throw new ShellInputException("usage: watch [off]");
        echo.watch(!off);
        out.println(off ? "stopped watching" : "watching: notices are printed as they happen, besides messages and presence "
                + "('watch off' stops)");
    }

    private void help(List<String> args, PrintWriter out) {
        if (args.isEmpty()) {
            ShellHelp.list(commands, out);
        } else {
            ShellHelp.about(commands, args, out);
        }
    }
}
