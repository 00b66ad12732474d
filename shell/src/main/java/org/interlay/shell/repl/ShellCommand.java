package org.interlay.shell.repl;

import java.io.PrintWriter;
import java.util.List;

/**
 * One shell command: its name, how its arguments read (which also says how many it takes), a one-line
 * summary for {@code help}, more lines for {@code help <command>}, what its arguments complete to,
 * and what it does.
 */
public record ShellCommand(String name, String synopsis, String summary, List<Completion> completions, Action action,
                           List<String> details) {
    /** What a command's n-th argument completes to. */
    public enum Completion { NONE, OVERLAY, ADDRESS, COMMAND, NODE, ROUTER, STATUS }

    @FunctionalInterface
    public interface Action {
        /** Runs with the words after the command name; throws {@link ShellInputException} for wrong input. */
        void run(List<String> args, PrintWriter out) throws Exception;
    }

    public ShellCommand {
        completions = List.copyOf(completions);
        details = List.copyOf(details);
    }

    public ShellCommand(String name, String synopsis, String summary, List<Completion> completions, Action action) {
        this(name, synopsis, summary, completions, action, List.of());
    }

    /** The same command with these lines after its summary in {@code help <command>}. */
    public ShellCommand withDetails(String... lines) {
        return new ShellCommand(name, synopsis, summary, completions, action, List.of(lines));
    }

    public Completion completionFor(int argIndex) {
        if (completions.isEmpty()) return Completion.NONE;
        return completions.get(Math.min(argIndex, completions.size() - 1));
    }

    public ArgumentCount arguments() {
        return ArgumentCount.of(synopsis);
    }

    public String usage() {
        return synopsis.isEmpty() ? name : name + " " + synopsis;
    }
}
