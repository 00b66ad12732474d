package org.interlay.overlay.node;

/**
 * How an iterative lookup ends: the one choice that sets Chord's, Pastry's and Kademlia's lookups
 * apart in the shared {@link IterativeLookup}. The first two need resolution (some node names the
 * responsible one); the last two end when no closer node turns up.
 */
public enum Termination {
    /**
     * Pastry (Middleware 2001, section 2.2): a node whose leaf set covers the key names the key's root,
     * the live node numerically closest to it, and the lookup ends there; the root is not asked.
     */
    ROOT_NAMED,

    /**
     * Chord (SIGCOMM 2001, section 4): a node names the key's successor, which is asked too, and the
     * lookup ends only when a node answers that it is responsible itself; the namer may not yet know of
     * a failure or a newcomer. A named node that does not answer gives way to the backups named with it
     * (the next successors).
     */
    SUCCESSOR_CONFIRMED,

    /**
     * Kademlia (IPTPS 2002): the lookup of the responsible node ends as soon as the closest candidate
     * heard of has answered without naming a closer one. A node with a live contact in every non-empty
     * bucket (the condition of the paper's section 3) always names a closer node when one exists: any
     * node closer to the key than it lies in the same bucket as the key, and every node of that bucket
     * is closer to the key than it is. Like FIND_VALUE, which halts at the first node holding the
     * value, it spares the queries to the other k - 1.
     */
    CLOSEST_ANSWERED,

    /**
     * Kademlia's node lookup (section 2.3): ends only when the k closest candidates heard of (the
     * style's result size) have all answered; bucket refreshes use it, to learn all k.
     */
    K_CLOSEST_ANSWERED;

    /** True when the lookup ends only when some node names the responsible one (Chord, Pastry). */
    public boolean needsResolution() {
        return this == ROOT_NAMED || this == SUCCESSOR_CONFIRMED;
    }

    /**
     * How a lookup for the closest nodes (a bucket refresh) ends where lookups end this way: Kademlia's
     * node lookup in place of {@link #CLOSEST_ANSWERED}; a lookup that needs resolution, as it is.
     */
    public Termination forClosestNodes() {
        return this == CLOSEST_ANSWERED ? K_CLOSEST_ANSWERED : this;
    }
}
