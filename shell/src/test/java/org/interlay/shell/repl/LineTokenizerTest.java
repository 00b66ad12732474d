package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineTokenizerTest {
    @Test
    void splitsOnBlanksAndKeepsQuotedTextWhole() {
        assertEquals(List.of("send", "bob@kad.lab", "hello there"), LineTokenizer.split("send  bob@kad.lab \"hello there\""));
        assertEquals(List.of("say", "a\"b"), LineTokenizer.split("say a\\\"b"));
        assertEquals(List.of("x", ""), LineTokenizer.split("x \"\""));
    }

    @Test
    void backslashesInsideDoubleQuotesWorkAsInAPosixShell() {
        assertEquals(List.of("send", "bob@kad.lab", "a \"nested\" quote"),
                LineTokenizer.split("send bob@kad.lab \"a \\\"nested\\\" quote\""));
        assertEquals(List.of("a\\nb"), LineTokenizer.split("\"a\\nb\""), "kept before a letter inside quotes");
        assertEquals(List.of("a\\b", "$`"), LineTokenizer.split("\"a\\\\b\" \"\\$\\`\""));
        assertEquals(List.of("anb"), LineTokenizer.split("a\\nb"), "outside quotes a backslash escapes any character");
        assertEquals(List.of("don't"), LineTokenizer.split("don't"), "a single quote is an ordinary character");
    }

    @Test
    void commentsEndTheLineOutsideQuotes() {
        assertEquals(List.of("overlays"), LineTokenizer.split("overlays # list them"));
        assertEquals(List.of("send", "b", "#1"), LineTokenizer.split("send b \"#1\""));
        assertEquals(List.of(), LineTokenizer.split("   # only a comment"));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(ShellInputException.class, () -> LineTokenizer.split("send bob \"hi"));
        assertThrows(ShellInputException.class, () -> LineTokenizer.split("trailing \\"));
    }
}
