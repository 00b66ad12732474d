package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    private static ShellCommand command(String name) {
        return new ShellCommand(name, "", "does " + name, List.of(), (args, out) -> { });
    }

    private final CommandTable table = new CommandTable()
            .add(command("send")).add(command("subscribe")).add(command("node add")).add(command("node kill"));

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
}
