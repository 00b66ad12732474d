package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellFrontEndTest {
    @TempDir
    Path dir;

    /** The words of {@code typed} as the interactive prompt hands them to the shell. */
    private List<String> typedAtThePrompt(String typed) throws Exception {
        byte[] keys = (typed + "\n").getBytes(StandardCharsets.UTF_8);
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(keys),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            LineReader reader = ShellFrontEnd.lineReader(terminal, (r, line, candidates) -> { }, dir.resolve("history"));
            return LineTokenizer.split(reader.readLine("> "));
        }
    }

    @Test
    void aLineTypedAtThePromptSplitsAsTheSameLineInAScript() throws Exception {
        for (String line : List.of("send bob@kad.lab \"a \\\"nested\\\" quote\"", "send bob@kad.lab \"a\\nb\"",
                "send bob@kad.lab don't panic!", "send bob@kad.lab hi!!", "send bob@kad.lab 'single'")) {
            assertEquals(LineTokenizer.split(line), typedAtThePrompt(line), line);
        }
    }
}
