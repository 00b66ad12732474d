package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    private static ShellCommand command(String name, String synopsis) {
        return new ShellCommand(name, synopsis, "does " + name, List.of(), (args, out) -> { });
    }

    private final CommandTable table = new CommandTable().add(command("send", "<aor> <text...>"))
            .add(command("subscribe", "<aor>")).add(command("node add", "<overlay> [n]")).add(command("node kill", "<id>"));

    @Test
    void resolvesOneAndTwoWordNames() {
        CommandTable.Call call = table.resolve(List.of("node", "kill", "3"));
        assertEquals("node kill", call.command().name());
        assertEquals(List.of("3"), call.args());
        assertEquals("send", table.resolve(List.of("send", "bob", "hi")).command().name());
    }

    @Test
    void unknownCommandsGetASuggestion() {
        ShellInputException e = assertThrows(ShellInputException.class, () -> table.resolve(List.of("sned", "bob")));
        assertTrue(e.getMessage().contains("did you mean 'send'"), e.getMessage());
        ShellInputException half = assertThrows(ShellInputException.class, () -> table.resolve(List.of("node")));
        assertTrue(half.getMessage().contains("node add"), half.getMessage());
    }

    @Test
    void theSynopsisSaysHowManyWordsFollow() {
        assertEquals(new ArgumentCount(0, 0), ArgumentCount.of(""));
        assertEquals(new ArgumentCount(1, 1), ArgumentCount.of("<id>|active"));
        assertEquals(new ArgumentCount(1, 2), ArgumentCount.of("<overlay> [n]"));
        assertEquals(new ArgumentCount(2, ArgumentCount.ANY), ArgumentCount.of("<aor> <text...>"));
        assertEquals(new ArgumentCount(3, ArgumentCount.ANY), ArgumentCount.of("<aor> <n> [every <duration>] <text...>"));
        assertEquals(new ArgumentCount(1, ArgumentCount.ANY), ArgumentCount.of("<status> [note...]"));
        assertEquals(new ArgumentCount(0, 1), ArgumentCount.of("[off]"));
    }

    @Test
    void aWrongNumberOfWordsIsOneLineOfUsage() {
        CommandTable t = new CommandTable().add(new ShellCommand("stats", "", "", List.of(), (a, out) -> { }))
                .add(new ShellCommand("send", "<aor> <text...>", "", List.of(), (a, out) -> { }));
        assertEquals("'stats' takes no arguments",
                assertThrows(ShellInputException.class, () -> t.resolve(List.of("stats", "extra"))).getMessage());
        assertEquals("usage: send <aor> <text...> ('help send' says more)",
                assertThrows(ShellInputException.class, () -> t.resolve(List.of("send", "bob"))).getMessage());
    }
}
