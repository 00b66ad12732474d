package org.interlay.harness.lab;

/** A count and a noun that agree: "1 router", "2 routers". */
public final class Plural {
    private Plural() {}

    public static String of(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
