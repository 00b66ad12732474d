package org.interlay.shell.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shell's commands by name. Some names are two words ({@code node add}); lookup takes the longest
 * name that the line starts with. An unknown command is one line of error with the nearest name.
 */
public final class CommandTable {
    private final Map<String, ShellCommand> byName = new TreeMap<>();

    public CommandTable add(ShellCommand command) {
        if (byName.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("two commands named " + command.name());
        }
        return this;
    }

    public Collection<ShellCommand> all() {
        return byName.values();
    }

    public Optional<ShellCommand> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The first words of every command, for completion of the first word. */
    public List<String> firstWords() {
        return byName.keySet().stream().map(n -> n.split(" ")[0]).distinct().toList();
    }

    /** The command a line's words call, and the words left for it as arguments. */
    public record Call(ShellCommand command, List<String> args) {}

    public Call resolve(List<String> words) {
        if (words.isEmpty()) throw new ShellInputException("no command");
        if (words.size() >= 2) {
            ShellCommand two = byName.get(words.get(0) + " " + words.get(1));
            if (two != null) return new Call(two, List.copyOf(words.subList(2, words.size())));
        }
        ShellCommand one = byName.get(words.get(0));
        if (one != null) return new Call(one, List.copyOf(words.subList(1, words.size())));
        List<String> twoWordNames = byName.keySet().stream().filter(n -> n.startsWith(words.get(0) + " ")).toList();
        if (!twoWordNames.isEmpty()) {
            throw new ShellInputException("'" + words.get(0) + "' needs one of: " + String.join(", ", twoWordNames));
        }
        List<String> names = new ArrayList<>(byName.keySet());
        names.addAll(firstWords());
        String hint = EditDistance.nearest(words.get(0), names).map(n -> "; did you mean '" + n + "'?").orElse("");
        throw new ShellInputException("unknown command '" + words.get(0) + "'" + hint + " (type 'help' for the list)");
    }
}
