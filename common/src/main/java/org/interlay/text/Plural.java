package org.interlay.text;

/** A count and its noun in agreement: {@code 1 router}, {@code 2 routers}, {@code 0 messages}. */
public final class Plural {
    private Plural() {}

    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
