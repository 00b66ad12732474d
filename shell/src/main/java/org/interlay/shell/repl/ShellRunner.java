package org.interlay.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs shell lines: the session's commands plus the shell's own ({@code help}, {@code quit},
 * {@code watch}, and in scripts {@code expect} and {@code sleep}). A wrong line gets one line of error,
 * never a stack trace. A script stops at its first failed line or unmet expectation, saying what was
 * seen instead, and its exit code says whether every line held.
 */
public final class ShellRunner {
    private final CommandTable commands;
    private final EventLog events;
    private final ShellWorld world;
    private final Consumer<String> asyncOut;
    private Runnable stopWatching;
    private boolean quit;

    /** @param asyncOut where lines that arrive between commands go (above the prompt, when there is one) */
    public ShellRunner(CommandTable commands, EventLog events, ShellWorld world, Consumer<String> asyncOut) {
        this.commands = commands;
        this.events = events;
        this.world = world;
        this.asyncOut = asyncOut;
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
            switch (words.get(0)) {
                case "help" -> help(words.subList(1, words.size()), out);
                case "quit", "exit" -> quit = true;
                case "watch" -> watch(words.subList(1, words.size()), out);
                case "sleep" -> sleep(words.subList(1, words.size()));
                case "expect" -> {
                    return expect(ExpectParser.parse(words.subList(1, words.size())), out);
                }
                default -> {
                    CommandTable.Call call = commands.resolve(words);
                    call.command().action().run(call.args(), out);
                }
            }
            return true;
        } catch (ShellInputException e) {
            out.println("error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("error: interrupted");
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
            out.println("> " + line.strip());
            out.flush();
            if (!execute(line, out)) {
                out.println(name + ":" + number + ": failed: " + line.strip());
                out.flush();
                return 1;
            }
        }
        return 0;
    }

    private boolean expect(Expectation e, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + e.within().toNanos();
        while (true) {
            int seen = events.size();
            if (e.check(events, world)) {
                out.println("ok: " + e.describe());
                return true;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) break;
            events.awaitMore(seen, Math.min(left, 100));
        }
        out.println("expected " + e.describe() + "; saw " + e.whatWasSeen(events, world));
        return false;
    }

    private void sleep(List<String> args) throws InterruptedException {
        if (args.size() != 1) throw new ShellInputException("usage: sleep <duration>, e.g. sleep 500ms");
        Duration d = Durations.parse(args.get(0));
        if (d.toMinutes() > 10) throw new ShellInputException("sleep at most 10m");
        TimeUnit.MILLISECONDS.sleep(d.toMillis());
    }

    private void watch(List<String> args, PrintWriter out) {
        boolean off = args.size() == 1 && args.get(0).equals("off");
        if (!args.isEmpty() && !off) throw new ShellInputException("usage: watch | watch off");
        if (off) {
            if (stopWatching != null) stopWatching.run();
            stopWatching = null;
            out.println("stopped watching");
        } else if (stopWatching == null) {
            stopWatching = events.listen(e -> {
                if (e instanceof ShellEvent.Notice) asyncOut.accept("[watch] " + e.describe());
            });
            out.println("watching: messages, presence and notices are printed as they happen ('watch off' stops)");
        }
    }

    private void help(List<String> args, PrintWriter out) {
        if (args.isEmpty()) {
            for (ShellCommand c : commands.all()) out.printf("  %-30s %s%n", c.usage(), c.summary());
            out.printf("  %-30s %s%n", "watch [off]", "print events as they happen");
            out.printf("  %-30s %s%n", "expect ...", "in scripts: wait for messages, a presence, overlays, a burst, a settled lab");
            out.printf("  %-30s %s%n", "sleep <duration>", "in scripts: wait, e.g. sleep 500ms");
            out.printf("  %-30s %s%n", "help [command]", "this list, or one command");
            out.printf("  %-30s %s%n", "quit", "leave the shell (a lab stops with it)");
            return;
        }
        String name = String.join(" ", args);
        if (name.equals("expect")) {
            out.println("  " + ExpectParser.FORMS.replace(" | ", "\n  "));
            return;
        }
        ShellCommand c = commands.named(name).orElseThrow(() -> new ShellInputException(
                "no command '" + name + "'" + EditDistance.nearest(name, commands.firstWords())
                        .map(n -> "; did you mean '" + n + "'?").orElse("")));
        out.println("  " + c.usage() + "  —  " + c.summary());
    }
}
