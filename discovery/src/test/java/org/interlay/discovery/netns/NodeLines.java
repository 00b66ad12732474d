package org.interlay.discovery.netns;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads the lines {@link DiscoveryNodeMain} prints. */
public final class NodeLines {

    private NodeLines() {
    }

    /** The monotonic time stamped on a line, in ns. */
    public static long time(String line) {
        return Long.parseLong(line.split(" ")[1]);
    }

    /** An ADDED or CHANGED line for the overlay whose sources include all of {@code sources}. */
    public static Predicate<String> entryWithSources(String overlay, Set<String> sources) {
        return line -> (line.startsWith("ADDED ") || line.startsWith("CHANGED "))
                && line.split(" ")[2].equals(overlay)
                && Set.of(field(line, "sources").split("\\+")).containsAll(sources);
    }

    public static Predicate<String> added(String overlay) {
        return line -> line.startsWith("ADDED ") && line.split(" ")[2].equals(overlay);
    }

    public static Predicate<String> removed(String overlay) {
        return line -> line.startsWith("REMOVED ") && line.split(" ")[2].equals(overlay);
    }

    /** The value of {@code key=value} in a line. */
    public static String field(String line, String key) {
        return Arrays.stream(line.split(" ")).filter(word -> word.startsWith(key + "="))
                .map(word -> word.substring(key.length() + 1)).findFirst().orElse("");
    }

    /** The counters of a STATS line. */
    public static Map<String, Long> stats(String line) {
        Map<String, Long> counts = new HashMap<>();
        for (String word : line.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                counts.put(word.substring(0, equals), Long.parseLong(word.substring(equals + 1)));
            }
        }
        return counts;
    }
}
