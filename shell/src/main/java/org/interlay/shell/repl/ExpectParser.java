package org.interlay.shell.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the words after {@code expect}:
 * <pre>
 *   expect message from &lt;aor&gt; [containing "&lt;text&gt;"] [within &lt;duration&gt;]
 *   expect messages &lt;n&gt; from &lt;aor&gt; [containing "&lt;text&gt;"] [within &lt;duration&gt;]
 *   expect presence &lt;aor&gt; is &lt;status&gt; [within &lt;duration&gt;]
 *   expect overlays &lt;count&gt; [within &lt;duration&gt;]
 *   expect burst to &lt;aor&gt; delivered [within &lt;duration&gt;]
 *   expect settled [within &lt;duration&gt;]            (lab only)
 *   expect call from &lt;aor&gt; [within &lt;duration&gt;]     (an incoming call rings)
 *   expect call established [within &lt;duration&gt;]
 *   expect call ended [within &lt;duration&gt;]
 *   expect audio with &lt;aor&gt; [within &lt;duration&gt;]   (RTP flowed both ways in a call with it)
 * </pre>
 * Without {@code within}, an expectation waits {@link #DEFAULT_WITHIN}.
 */
public final class ExpectParser {
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(5);
    static final String FORMS = "expect message from <aor> [containing \"text\"] [within 2s] | "
            + "expect messages <n> from <aor> [containing \"text\"] [within 2s] | "
            + "expect presence <aor> is <status> [within 2s] | expect overlays <n> [within 5s] | "
            + "expect burst to <aor> delivered [within 30s] | expect settled [within 10s] (lab) | "
            + "expect call from <aor> [within 5s] | expect call established [within 5s] | expect call ended [within 5s] | "
            + "expect audio with <aor> [within 5s]";

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
                return message(1, w.subList(1, w.size()), within);
            }
            case "messages" -> {
                if (w.size() < 2) throw new ShellInputException("usage: " + FORMS);
                int count;
                try {
                    count = Integer.parseInt(w.get(1));
                } catch (NumberFormatException e) {
                    throw new ShellInputException("'" + w.get(1) + "' is not a number of messages");
                }
                if (count < 1 || count > 10_000) throw new ShellInputException("expect from 1 to 10000 messages, not " + count);
                return message(count, w.subList(2, w.size()), within);
            }
            case "burst" -> {
                if (w.size() != 4 || !w.get(1).equals("to") || !w.get(3).equals("delivered")) {
                    throw new ShellInputException("usage: " + FORMS);
                }
                return new Expectation.BurstDelivered(w.get(2), within);
            }
            case "settled" -> {
                if (w.size() != 1) throw new ShellInputException("usage: " + FORMS);
                return new Expectation.Settled(within);
            }
            case "call" -> {
                if (w.size() == 3 && w.get(1).equals("from")) return new Expectation.CallState("ringing", w.get(2), within);
                if (w.size() == 2 && (w.get(1).equals("established") || w.get(1).equals("ended"))) {
                    return new Expectation.CallState(w.get(1), "", within);
                }
                throw new ShellInputException("usage: " + FORMS);
            }
            case "audio" -> {
                if (w.size() != 3 || !w.get(1).equals("with")) throw new ShellInputException("usage: " + FORMS);
                return new Expectation.Audio(w.get(2), within);
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

    /** The words after "message" or "messages N": {@code from <aor> [containing "text"]}. */
    private static Expectation message(int count, List<String> w, Duration within) {
        if (w.size() < 2 || !w.get(0).equals("from")) throw new ShellInputException("usage: " + FORMS);
        String containing = "";
        if (w.size() == 4 && w.get(2).equals("containing")) {
            containing = w.get(3);
        } else if (w.size() != 2) {
            throw new ShellInputException("usage: " + FORMS);
        }
        return new Expectation.Message(count, w.get(1), containing, within);
    }
}
