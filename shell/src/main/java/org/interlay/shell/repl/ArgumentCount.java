package org.interlay.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * How many words a command takes after its name, read from its synopsis: each {@code <word>} is one
 * required word, each {@code [...]} as many optional words as it holds, and a word with {@code ...}
 * ({@code <text...>}, {@code [note...]}) takes the rest of the line.
 */
public record ArgumentCount(int min, int max) {
    public static final int ANY = Integer.MAX_VALUE;

    public static ArgumentCount of(String synopsis) {
        int min = 0;
        long max = 0;
        for (String part : topLevelWords(synopsis)) {
            boolean optional = part.startsWith("[") && part.endsWith("]");
            int words = optional ? topLevelWords(part.substring(1, part.length() - 1)).size() : 1;
            if (!optional) min += words;
            max += part.contains("...") ? ANY : words;
        }
        return new ArgumentCount(min, (int) Math.min(max, ANY));
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** Words split at blanks outside brackets: {@code <aor> [every <duration>] <text...>} is three. */
    private static List<String> topLevelWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '[' || c == '<') depth++;
            if (c == ']' || c == '>') depth--;
            if (c == ' ' && depth == 0) {
                if (word.length() > 0) words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        return words;
    }
}
