package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellRunnerTest {
    private static final ShellWorld NO_LAB = new ShellWorld() {
        @Override
        public int overlayCount() {
            return 0;
        }

        @Override
        public Optional<List<String>> unsettled() {
            return Optional.empty();
        }
    };

    private static ShellCommand command(String name, String synopsis) {
        return new ShellCommand(name, synopsis, "does " + name, List.of(), (args, out) -> out.println("ran " + name + " " + args));
    }

    private final EventLog events = new EventLog();
    private final ShellRunner runner = new ShellRunner(new CommandTable()
            .add(command("send", "<aor> <text...>")).add(command("stats", "")).add(command("inbox", ""))
            .add(command("node add", "<overlay> [n]")).add(command("node kill", "<id>")).add(command("router kill", "<id>|active"))
            .add(new ShellCommand("deliver", "<text>", "a message arrives while the command prints", List.of(), (args, out) -> {
                out.println("delivered");
                Thread sip = new Thread(() -> events.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab",
                        "alice@chord.lab", args.get(0))));
                sip.start();
                sip.join();
                events.add(new ShellEvent.Notice(Instant.now(), "overlay x found"));
            })),
            events, NO_LAB, new EventEcho(events));

    private String script(String... lines) throws Exception {
        StringWriter text = new StringWriter();
        runner.runScript(new BufferedReader(new StringReader(String.join("\n", lines))), new PrintWriter(text), "t.il");
        return text.toString();
    }

    private String run(String line) {
        StringWriter text = new StringWriter();
        runner.execute(line, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void everyListedCommandHasHelpOfItsOwn() {
        String list = run("help");
        for (ShellCommand c : runner.commands().all()) {
            assertTrue(list.contains(c.usage()), c.name() + " is listed:\n" + list);
            String one = run("help " + c.name());
            assertTrue(one.contains(c.usage()) && one.contains(c.summary()) && !one.contains("error"), "help " + c.name() + ": " + one);
        }
        for (String builtIn : List.of("watch", "sleep", "help", "quit", "expect")) {
            assertTrue(list.contains("  " + builtIn), builtIn + " is listed:\n" + list);
        }
        assertTrue(run("help exit").contains("quit"), run("help exit"));
        assertTrue(run("help expect").contains("expect presence <aor> is <status>"), run("help expect"));
    }

    @Test
    void helpOnTheFirstWordOfTwoWordCommandsListsThem() {
        String node = run("help node");
        assertTrue(node.contains("node add <overlay> [n]") && node.contains("node kill <id>") && !node.contains("error"), node);
        String router = run("help router");
        assertTrue(router.contains("router kill <id>|active") && !router.contains("error"), router);
        assertEquals("error: no command 'sedn'; did you mean 'send'?\n", run("help sedn"));
    }

    @Test
    void extraWordsAreRejectedNotIgnored() {
        for (String name : List.of("stats", "inbox", "quit", "exit")) {
            assertEquals("error: '" + (name.equals("exit") ? "quit" : name) + "' takes no arguments\n", run(name + " extra"), name);
        }
        assertFalse(runner.quitRequested());
        assertTrue(run("send bob@kad.lab").startsWith("error: usage: send <aor> <text...>"), run("send bob@kad.lab"));
        assertTrue(run("node add chord 2 3").startsWith("error: usage: node add <overlay> [n]"), run("node add chord 2 3"));
        assertTrue(run("watch on off").startsWith("error: usage: watch [off]"), run("watch on off"));
        assertEquals("ran send [bob@kad.lab, hello, there]\n", run("send bob@kad.lab hello there"));
        run("quit");
        assertTrue(runner.quitRequested());
    }

    @Test
    void aScriptPrintsWhatHappenedDuringALineBeforeThatLinesOutputAndNoticesOnlyWhileWatching() throws Exception {
        assertEquals(String.join("\n", "> deliver one", "<< message to bob@kad.lab from alice@chord.lab: one", "delivered",
                "> watch", "watching: notices are printed as they happen, besides messages and presence ('watch off' stops)",
                "> deliver two", "<< message to bob@kad.lab from alice@chord.lab: two", "[watch] overlay x found", "delivered",
                ""), script("deliver one", "watch", "deliver two"));
    }
}
