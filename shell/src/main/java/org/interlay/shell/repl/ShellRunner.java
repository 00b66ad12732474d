package org.interlay.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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

    /** Runs a script; 0 when every line ran and every expectation held, 1 otherwise. */
    public int runScript(BufferedReader in, PrintWriter out, String name) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null && !quit) {
            number++;
            if (LineTokenizer.split(line).isEmpty()) continue;
            echo.printNew(out::println);
            out.println("> " + line.strip());
            StringWriter output = new StringWriter();
            boolean ok = execute(line, new PrintWriter(output));
            echo.printNew(out::println);
            out.print(output);
            out.flush();
            if (!ok) {
                out.println(name + ":" + number + ": failed: " + line.strip());
                out.flush();
                return 1;
            }
        }
        echo.printNew(out::println);
        out.flush();
        return 0;
    }

    private void expect(Expectation e, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + e.within().toNanos();
        while (true) {
            int seen = events.size();
            if (e.check(events, world)) {
                out.println("ok: " + e.describe());
                return;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) break;
            events.awaitMore(seen, Math.min(left, 100));
        }
        throw new UnmetExpectation("expected " + e.describe() + "; saw " + e.whatWasSeen(events, world));
    }

    private void sleep(List<String> args) throws InterruptedException {
        Duration d = Durations.parse(args.get(0));
        if (d.toMinutes() > 10) throw new ShellInputException("sleep at most 10m");
        TimeUnit.MILLISECONDS.sleep(d.toMillis());
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
