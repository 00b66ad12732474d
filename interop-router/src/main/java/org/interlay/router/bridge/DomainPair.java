package org.interlay.router.bridge;

import java.util.Locale;

/**
 * Two different SIP domains in name order, lower case, so {a,b} and {b,a} are one pair: what a
 * router bridges, and what a {@link BridgePlan} assigns to one router.
 */
public record DomainPair(String first, String second) {
    public DomainPair {
        if (first == null || second == null) throw new IllegalArgumentException("a pair needs two domains");
        first = first.toLowerCase(Locale.ROOT);
        second = second.toLowerCase(Locale.ROOT);
        if (first.equals(second)) throw new IllegalArgumentException("a pair needs two different domains: " + first);
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
    }

    @Override
    public String toString() {
        return first + "<->" + second;
    }
}
