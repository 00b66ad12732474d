package org.interlay.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell line into words as a POSIX shell does with double quotes: blanks separate words,
 * double quotes keep blanks inside one word, and {@code #} outside quotes starts a comment. Outside
 * quotes a backslash escapes the next character; inside double quotes it escapes only {@code "},
 * {@code \}, {@code $} and {@code `}, and is kept before anything else, so {@code "a\nb"} stays
 * {@code a\nb}. Single quotes are ordinary characters ({@code don't}).
 */
public final class LineTokenizer {
    private static final String ESCAPED_IN_QUOTES = "\"\\$`";

    private LineTokenizer() {}

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false, quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 == line.length()) throw new ShellInputException("a backslash at the end of the line escapes nothing");
                char next = line.charAt(++i);
                if (quoted && ESCAPED_IN_QUOTES.indexOf(next) < 0) word.append('\\');
                word.append(next);
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && c == '#') {
                break;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) throw new ShellInputException("unterminated quote: close it with \"");
        if (inWord) words.add(word.toString());
        return words;
    }
}
