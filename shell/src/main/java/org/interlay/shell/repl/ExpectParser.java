package org.interlay.shell.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the words after {@code expect}:
 * <pre>
 *   expect message from &lt;aor&gt; [containing "&lt;text&gt;"] [within &lt;duration&gt;]
 *   expect presence &lt;aor&gt; is &lt;status&gt; [within &lt;duration&gt;]
 *   expect overlays &lt;count&gt; [within &lt;duration&gt;]
 * </pre>
 * Without {@code within}, an expectation waits {@link #DEFAULT_WITHIN}.
 */
public final class ExpectParser {
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(5);
    static final String FORMS = "expect message from <aor> [containing \"text\"] [within 2s] | "
            + "expect presence <aor> is <status> [within 2s] | expect overlays <n> [within 5s]";

    private ExpectParser() {}

    public static Expectation parse(List<String> words) {
        List<String> w = new ArrayList<>(words);
        Duration within = DEFAULT_WITHIN;
        int at = w.indexOf("within");
        if (at >= 0) {
            if (at != w.size() - 2) throw new ShellInputException("'within' takes one duration and ends the line: " + FORMS);
            within = Durations.parse(w.get(at + 1));
            w = w.subList(0, at);
        }
        if (w.isEmpty()) throw new ShellInputException("expect what? " + FORMS);
        switch (w.get(0)) {
            case "message" -> {
                if (w.size() < 3 || !w.get(1).equals("from")) throw new ShellInputException("usage: " + FORMS);
                String containing = "";
                if (w.size() == 5 && w.get(3).equals("containing")) {
                    containing = w.get(4);
                } else if (w.size() != 3) {
                    throw new ShellInputException("usage: " + FORMS);
                }
                return new Expectation.Message(w.get(2), containing, within);
            }
            case "presence" -> {
                if (w.size() != 4 || !w.get(2).equals("is")) throw new ShellInputException("usage: " + FORMS);
                return new Expectation.Presence(w.get(1), w.get(3), within);
            }
            case "overlays" -> {
                if (w.size() != 2) throw new ShellInputException("usage: " + FORMS);
                try {
                    return new Expectation.Overlays(Integer.parseInt(w.get(1)), within);
                } catch (NumberFormatException e) {
                    throw new ShellInputException("'" + w.get(1) + "' is not a number of overlays");
                }
            }
            default -> throw new ShellInputException("cannot expect '" + w.get(0) + "'; " + FORMS);
        }
    }
}
