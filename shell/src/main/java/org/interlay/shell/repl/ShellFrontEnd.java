package org.interlay.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * How a person or a script meets the shell: a JLine prompt with completion, history kept between runs
 * and colour where the terminal has it, Ctrl-C cancelling the running command (not the shell), and
 * events printed above the line being typed, in the order of the log; or, when standard input is not
 * a terminal or a script file is given, the lines of the script.
 */
public final class ShellFrontEnd {
    private final ShellRunner runner;
    private final EventLog events;
    private final EventEcho echo;
    private final ShellCompleter completer;
    private final Supplier<String> prompt;

    public ShellFrontEnd(ShellRunner runner, EventLog events, EventEcho echo, ShellCompleter completer, Supplier<String> prompt) {
        this.runner = runner;
        this.events = events;
        this.echo = echo;
        this.completer = completer;
        this.prompt = prompt;
    }

    /** Runs {@code script}, or standard input as a script when it is not a terminal, or an interactive prompt. */
    public int run(ScriptFile script) throws IOException {
        if (script != null) {
            String text = String.join("\n", script.lines());
            return runner.runScript(new BufferedReader(new StringReader(text)), stdout(), script.name());
        }
        if (System.console() == null) {
            return runner.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), stdout(), "stdin");
        }
        return interactive();
    }

    private static PrintWriter stdout() {
        return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    }

    private int interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            boolean colour = !Terminal.TYPE_DUMB.equals(terminal.getType());
            LineReader reader = lineReader(terminal, completer, historyFile());
            Runnable stop = events.listen(e -> echo.printNew(line -> reader.printAbove(styled(line, AttributedStyle.CYAN, colour))));
            RunningCommand running = new RunningCommand();
            terminal.handle(Terminal.Signal.INT, signal -> running.interrupt()); // readLine has its own while it reads
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
                    running.started();
                    try {
                        runner.execute(line, out);
                    } finally {
                        running.ended();
                    }
                }
            } finally {
                stop.run();
                reader.getHistory().save();
                terminal.flush();
            }
            return 0;
        }
    }

    /**
     * A line reader that hands over the line as typed, for {@link LineTokenizer} to split as in a
     * script: JLine's history expansion (which also drops backslashes) is off, and only double quotes
     * quote when Tab splits the line into words.
     */
    static LineReader lineReader(Terminal terminal, Completer completer, Path history) {
        DefaultParser words = new DefaultParser();
        words.setQuoteChars(new char[] {'"'});
        return LineReaderBuilder.builder().terminal(terminal).appName("interlay").completer(completer).parser(words)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .build();
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
