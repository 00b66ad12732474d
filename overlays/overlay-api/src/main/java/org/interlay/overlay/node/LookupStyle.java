package org.interlay.overlay.node;

/**
 * How the shared lookup driver walks an algorithm's routing: how many queries may be in flight, how
 * candidates are ranked, and how a lookup ends.
 *
 * @param parallelism   queries in flight at once (Kademlia's alpha; 1 for Chord and Pastry)
 * @param resultSize    how many of the best candidates must have answered before a lookup that needs
 *                      no resolution ends (Kademlia's k)
 * @param needsResolution true when a lookup ends only when some node names the responsible one
 *                      (Chord, Pastry); false when it ends when no closer node turns up (Kademlia)
 * @param confirmsResponsible with resolution: true when the node named responsible is asked too, and
 *                      the lookup ends only when a node says it is responsible itself (Chord, whose
 *                      namers may not yet know of a failure or a newcomer); see {@link IterativeLookup}
 */
public record LookupStyle(int parallelism, int resultSize, boolean needsResolution, DistanceOrder order,
                          boolean confirmsResponsible) {
    public LookupStyle {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        if (resultSize < 1) throw new IllegalArgumentException("result size must be >= 1");
    }

    /** A style whose lookups end at the node first named responsible. */
    public LookupStyle(int parallelism, int resultSize, boolean needsResolution, DistanceOrder order) {
        this(parallelism, resultSize, needsResolution, order, false);
    }
}
