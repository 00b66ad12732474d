package org.interlay.shell.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shell's commands by name, in the order they were added. Some names are two words
 * ({@code node add}); lookup takes the longest name that the line starts with, and checks the number
 * of words after it against the command's synopsis. An unknown command is one line of error with the
 * nearest name.
 */
public final class CommandTable {
    private final Map<String, ShellCommand> byName = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    public CommandTable add(ShellCommand command) {
        if (byName.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("two commands named " + command.name());
        }
        return this;
    }

    /** Lets {@code alias} stand for the one-word command {@code name} ({@code exit} for {@code quit}). */
    public CommandTable alias(String alias, String name) {
        if (!byName.containsKey(name)) throw new IllegalStateException("no command " + name + " to call " + alias);
        aliases.put(alias, name);
        return this;
    }

    public Collection<ShellCommand> all() {
        return byName.values();
    }

    public Optional<ShellCommand> named(String name) {
        return Optional.ofNullable(byName.get(aliases.getOrDefault(name, name)));
    }

    /** The first words of every command, for completion of the first word. */
    public List<String> firstWords() {
        return byName.keySet().stream().map(n -> n.split(" ")[0]).distinct().toList();
    }

    /** The two-word commands that start with {@code first}: {@code node add}, {@code node kill} for {@code node}. */
    public List<ShellCommand> startingWith(String first) {
        return byName.values().stream().filter(c -> c.name().startsWith(first + " ")).toList();
    }

    /** The command a line's words call, and the words left for it as arguments. */
    public record Call(ShellCommand command, List<String> args) {}

    public Call resolve(List<String> words) {
        if (words.isEmpty()) throw new ShellInputException("no command");
        Call call = find(words);
        ArgumentCount count = call.command().arguments();
        if (!count.accepts(call.args().size())) {
            throw new ShellInputException(count.max() == 0 ? "'" + call.command().name() + "' takes no arguments"
                    : "usage: " + call.command().usage() + " ('help " + call.command().name() + "' says more)");
        }
        return call;
    }

    private Call find(List<String> words) {
        if (words.size() >= 2) {
            ShellCommand two = byName.get(words.get(0) + " " + words.get(1));
            if (two != null) return new Call(two, List.copyOf(words.subList(2, words.size())));
        }
        Optional<ShellCommand> one = named(words.get(0));
        if (one.isPresent()) return new Call(one.get(), List.copyOf(words.subList(1, words.size())));
        List<String> twoWordNames = startingWith(words.get(0)).stream().map(ShellCommand::name).toList();
        if (!twoWordNames.isEmpty()) {
            throw new ShellInputException("'" + words.get(0) + "' needs one of: " + String.join(", ", twoWordNames));
        }
        throw new ShellInputException("unknown command '" + words.get(0) + "'" + suggestion(words.get(0)) + " (type 'help' for the list)");
    }

    /** "; did you mean 'send'?" for {@code sned}, or nothing when no name is near. */
    public String suggestion(String word) {
        List<String> names = new ArrayList<>(byName.keySet());
        names.addAll(firstWords());
        names.addAll(aliases.keySet());
        return EditDistance.nearest(word, names).map(n -> "; did you mean '" + n + "'?").orElse("");
    }
}
