package org.interlay.overlay.node;

/**
 * How the shared lookup driver walks an algorithm's routing: how many queries may be in flight, how
 * candidates are ranked, and how a lookup ends.
 *
 * @param parallelism queries in flight at once (Kademlia's alpha; 1 for Chord and Pastry)
 * @param resultSize  how many of the best candidates must have answered before a lookup that needs no
 *                    resolution ends with {@link Termination#K_CLOSEST_ANSWERED} (Kademlia's k)
 * @param order       how candidates rank by closeness to the key
 * @param termination how a lookup of the responsible node ends
 */
public record LookupStyle(int parallelism, int resultSize, DistanceOrder order, Termination termination) {
    public LookupStyle {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        if (resultSize < 1) throw new IllegalArgumentException("result size must be >= 1");
        if (order == null || termination == null) throw new IllegalArgumentException("a style needs an order and a termination");
    }
}
