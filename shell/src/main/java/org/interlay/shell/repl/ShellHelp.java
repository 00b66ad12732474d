package org.interlay.shell.repl;

import java.io.PrintWriter;
import java.util.List;

/** What {@code help} prints: every command with its summary; or one command, or the two-word commands under a word. */
final class ShellHelp {
    private ShellHelp() {}

    /** Usages longer than this put their summary on a line of its own. */
    private static final int USAGE_WIDTH = 32;

    static void list(CommandTable table, PrintWriter out) {
        table.all().forEach(c -> line(c, out));
    }

    static void about(CommandTable table, List<String> words, PrintWriter out) {
        String name = String.join(" ", words);
        var command = table.named(name);
        if (command.isPresent()) {
            ShellCommand c = command.get();
            out.println("  " + c.usage() + "  —  " + c.summary());
            c.details().forEach(d -> out.println("    " + d));
            return;
        }
        List<ShellCommand> under = words.size() == 1 ? table.startingWith(name) : List.of();
        if (under.isEmpty()) throw new ShellInputException("no command '" + name + "'" + table.suggestion(name));
        under.forEach(c -> line(c, out));
    }

    private static void line(ShellCommand c, PrintWriter out) {
        if (c.usage().length() > USAGE_WIDTH) {
            out.printf("  %s%n  %-" + USAGE_WIDTH + "s %s%n", c.usage(), "", c.summary());
        } else {
            out.printf("  %-" + USAGE_WIDTH + "s %s%n", c.usage(), c.summary());
        }
    }
}
