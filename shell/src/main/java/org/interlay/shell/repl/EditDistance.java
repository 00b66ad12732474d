package org.interlay.shell.repl;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Levenshtein distance, for "did you mean" suggestions. */
public final class EditDistance {
    private EditDistance() {}

    public static int between(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The nearest of {@code choices} to {@code word}, if any is within a third of its length (at least 2 edits). */
    public static Optional<String> nearest(String word, Collection<String> choices) {
        int limit = Math.max(2, word.length() / 3);
        return choices.stream()
                .filter(c -> c.startsWith(word) || between(word, c) <= limit)
                .min(Comparator.comparingInt((String c) -> between(word, c)).thenComparing(c -> c));
    }
}
