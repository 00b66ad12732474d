package org.interlay.discovery;

import java.util.regex.Pattern;

/**
 * The name of the DHT algorithm an overlay runs, as carried in the {@code algo} TXT key: any name of
 * the right syntax, whether or not this process has the algorithm installed. Discovery says who is
 * there; only joining an overlay needs its algorithm's implementation.
 *
 * @param name 1 to {@value #MAX_LENGTH} lower-case letters, digits and '-', starting with a letter
 */
public record Algorithm(String name) {

    /** The longest name. */
    public static final int MAX_LENGTH = 32;
    /** The syntax in words, for error messages. */
    public static final String SYNTAX = "1-" + MAX_LENGTH + " lower-case letters, digits or '-', starting with a letter";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    public Algorithm {
        if (!isName(name)) {
            throw new IllegalArgumentException("bad algorithm name '" + name + "': " + SYNTAX);
        }
    }

    /** The algorithm called {@code name}; throws {@link IllegalArgumentException} for a name of the wrong syntax. */
    public static Algorithm named(String name) {
        return new Algorithm(name);
    }

    /** True when {@code text} has the syntax of an algorithm name. */
    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** Parses the {@code algo} value of an advert. */
    public static Algorithm fromWireName(String text) throws InvalidAdvertException {
        if (!isName(text)) {
            throw new InvalidAdvertException(InvalidAdvertException.Problem.BAD_ALGORITHM, "algo=" + text);
        }
        return new Algorithm(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
