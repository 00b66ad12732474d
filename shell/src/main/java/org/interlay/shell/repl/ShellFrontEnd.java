package org.interlay.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * How a person or a script meets the shell: a JLine prompt with completion, history kept between runs
 * and colour where the terminal has it, incoming events printed above the line being typed; or, when
 * standard input is not a terminal or a script file is given, the lines of the script.
 */
public final class ShellFrontEnd {
    private final ShellRunner runner;
    private final EventLog events;
    private final ShellCompleter completer;
    private final Supplier<String> prompt;

    public ShellFrontEnd(ShellRunner runner, EventLog events, ShellCompleter completer, Supplier<String> prompt) {
        this.runner = runner;
        this.events = events;
        this.completer = completer;
        this.prompt = prompt;
    }

    /** Runs {@code script}, or standard input as a script when it is not a terminal, or an interactive prompt. */
    public int run(Path script) throws IOException {
        if (script != null) {
            try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                return runner.runScript(in, stdout(), script.getFileName().toString());
            }
        }
        if (System.console() == null) {
            return runner.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), stdout(), "stdin");
        }
        return interactive();
    }

    private PrintWriter stdout() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        events.listen(e -> {
            if (!(e instanceof ShellEvent.Notice)) {
                out.println("<< " + e.describe());
            }
        });
        return out;
    }

    private int interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            boolean colour = !Terminal.TYPE_DUMB.equals(terminal.getType());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("interlay").completer(completer)
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .build();
            Runnable stop = events.listen(e -> {
                if (!(e instanceof ShellEvent.Notice)) reader.printAbove(styled("<< " + e.describe(), AttributedStyle.CYAN, colour));
            });
            PrintWriter out = terminal.writer();
            out.println("Interlay shell: 'help' lists the commands, Tab completes, 'quit' leaves.");
            try {
                while (!runner.quitRequested()) {
                    String line;
                    try {
                        line = reader.readLine(literalPrompt(styled(prompt.get(), AttributedStyle.GREEN, colour).toAnsi(terminal)));
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    runner.execute(line, out);
                }
            } finally {
                stop.run();
                reader.getHistory().save();
                terminal.flush();
            }
            return 0;
        }
    }

    /** JLine expands %-sequences in a prompt; a user name with % in it is shown as it is. */
    static String literalPrompt(String prompt) {
        return prompt.replace("%", "%%");
    }

    private static AttributedString styled(String text, int colour, boolean enabled) {
        return enabled ? new AttributedString(text, AttributedStyle.DEFAULT.foreground(colour)) : new AttributedString(text);
    }

    private static Path historyFile() {
        String override = System.getenv("INTERLAY_HISTORY");
        if (override != null && !override.isBlank()) return Path.of(override);
        return Path.of(System.getProperty("user.home"), ".interlay_history");
    }
}
