package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ShellCompleterTest {
    private static ShellCommand command(String name, String synopsis, ShellCommand.Completion... completions) {
        return new ShellCommand(name, synopsis, "does " + name, List.of(completions), (args, out) -> { });
    }

    private final ShellRunner runner = new ShellRunner(new CommandTable()
            .add(command("presence", "<status> [note...]", ShellCommand.Completion.STATUS, ShellCommand.Completion.NONE))
            .add(command("node add", "<overlay> [n]", ShellCommand.Completion.OVERLAY))
            .add(command("node kill", "<id>", ShellCommand.Completion.NODE))
            .add(command("router kill", "<id>|active", ShellCommand.Completion.ROUTER)),
            new EventLog(), null, new EventEcho(new EventLog()));

    private final ShellCompleter completer = new ShellCompleter(runner::commands, new ShellCompleter.Vocabulary() {
        @Override
        public List<String> overlays() {
            return List.of("chord");
        }

        @Override
        public List<String> domains() {
            return List.of("chord.lab");
        }

        @Override
        public List<String> addresses() {
            return List.of();
        }

        @Override
        public List<String> nodes() {
            return List.of("p1");
        }

        @Override
        public List<String> routers() {
            return List.of("r1", "r2");
        }
    });

    /** What Tab offers with the cursor at the end of {@code line}. */
    private List<String> tab(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void completesStatusesRoutersWithActiveAndCommandNamesAfterHelp() {
        assertEquals(List.of("open", "busy", "away", "closed"), tab("presence "));
        assertEquals(List.of("r1", "r2", "active"), tab("router kill "));
        List<String> afterHelp = tab("help ");
        for (String name : List.of("presence", "node", "router", "watch", "expect", "sleep", "help", "quit")) {
            assertTrue(afterHelp.contains(name), name + " in " + afterHelp);
        }
        assertEquals(List.of("add", "kill"), tab("help node "));
        assertEquals(List.of("add", "kill"), tab("node "));
        assertTrue(tab("").containsAll(List.of("presence", "node", "watch", "quit")), tab("").toString());
    }
}
