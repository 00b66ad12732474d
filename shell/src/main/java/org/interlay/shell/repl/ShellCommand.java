package org.interlay.shell.repl;

import java.io.PrintWriter;
import java.util.List;

/**
 * One shell command: its name, how its arguments read, a one-line summary for {@code help}, what its
 * arguments complete to, and what it does.
 */
public record ShellCommand(String name, String synopsis, String summary, List<Completion> completions, Action action) {
    /** What a command's n-th argument completes to. */
    public enum Completion { NONE, OVERLAY, ADDRESS, COMMAND, NODE, ROUTER }

    @FunctionalInterface
    public interface Action {
        /** Runs with the words after the command name; throws {@link ShellInputException} for wrong input. */
        void run(List<String> args, PrintWriter out) throws Exception;
    }

    public Completion completionFor(int argIndex) {
        if (completions.isEmpty()) return Completion.NONE;
        return completions.get(Math.min(argIndex, completions.size() - 1));
    }

    public String usage() {
        return synopsis.isEmpty() ? name : name + " " + synopsis;
    }
}
