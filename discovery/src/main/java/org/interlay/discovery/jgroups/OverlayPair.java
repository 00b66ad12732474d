package org.interlay.discovery.jgroups;

/** Two different overlays, in name order, so {a,b} and {b,a} are the same pair. */
public record OverlayPair(String first, String second) {

    public OverlayPair {
        if (first == null || second == null || first.equals(second)) {
            throw new IllegalArgumentException("a pair needs two different overlays: " + first + ", " + second);
        }
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
