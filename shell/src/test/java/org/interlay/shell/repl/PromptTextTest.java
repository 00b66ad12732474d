package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** A prompt naming a user with % in it is shown as it is, not expanded by JLine. */
class PromptTextTest {
    private static String shown(String prompt) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)), out)) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            reader.readLine(prompt);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void percentSignsAreShownAsTyped() throws Exception {
        String prompt = "interlay:a%25b@kad.lab> ";
        assertFalse(shown(prompt).contains(prompt), "JLine expands % in a prompt");
        assertTrue(shown(ShellFrontEnd.literalPrompt(prompt)).contains(prompt));
    }
}
