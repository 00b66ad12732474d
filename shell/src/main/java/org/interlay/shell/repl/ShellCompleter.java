package org.interlay.shell.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names first (also after {@code help}), then each argument by its kind —
 * overlay names and domains, addresses of record (known users, and user@ followed by every known
 * domain), node ids, router ids and {@code active}, presence statuses.
 */
public final class ShellCompleter implements Completer {
    /** What there is to complete to, read fresh at each Tab. */
    public interface Vocabulary {
        List<String> overlays();

        List<String> domains();

        List<String> addresses();

        List<String> nodes();

        List<String> routers();
    }

    private final Supplier<CommandTable> commands;
    private final Vocabulary vocabulary;
    /** The presence statuses watchers know by name; any other word publishes too. */
    private static final List<String> STATUSES = List.of("open", "busy", "away", "closed");

    public ShellCompleter(Supplier<CommandTable> commands, Vocabulary vocabulary) {
        this.commands = commands;
        this.vocabulary = vocabulary;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        CommandTable table = commands.get();
        if (index == 0) {
            table.firstWords().forEach(w -> candidates.add(new Candidate(w)));
            return;
        }
        if (words.get(0).equals("help")) {
            if (index == 1) table.firstWords().forEach(w -> candidates.add(new Candidate(w)));
            if (index == 2) secondWords(table, words.get(1), candidates);
            return;
        }
        if (index == 1 && table.named(words.get(0)).isEmpty()) {
            secondWords(table, words.get(0), candidates);
            return;
        }
        int nameWords = table.named(words.get(0)).isPresent() ? 1 : 2;
        ShellCommand command = table.named(words.get(0)).or(() -> words.size() > 1
                ? table.named(words.get(0) + " " + words.get(1)) : java.util.Optional.empty()).orElse(null);
        if (command == null) return;
        for (String c : choices(command.completionFor(index - nameWords), line.word())) candidates.add(new Candidate(c));
    }

    private static void secondWords(CommandTable table, String first, List<Candidate> candidates) {
        table.startingWith(first).forEach(c -> candidates.add(new Candidate(c.name().substring(first.length() + 1))));
    }

    private List<String> choices(ShellCommand.Completion kind, String word) {
        return switch (kind) {
            case OVERLAY -> {
                List<String> out = new ArrayList<>(vocabulary.overlays());
                out.addAll(vocabulary.domains());
                yield out;
            }
            case ADDRESS -> addresses(word);
            case NODE -> vocabulary.nodes();
            case ROUTER -> {
                List<String> out = new ArrayList<>(vocabulary.routers());
                out.add("active");
                yield out;
            }
            case COMMAND -> commands.get().firstWords();
            case STATUS -> STATUSES;
            case NONE -> List.of();
        };
    }

    private List<String> addresses(String word) {
        Set<String> out = new LinkedHashSet<>(vocabulary.addresses());
        int at = word.indexOf('@');
        if (at > 0) {
            for (String d : vocabulary.domains()) out.add(word.substring(0, at) + "@" + d);
        }
        return new ArrayList<>(out);
    }
}
