package org.interlay.chord;

import org.interlay.chord.msg.NeighboursReply;

/**
 * Settings of one Chord node.
 *
 * @param successors             length r of the successor list (SIGCOMM 2001 §6.2): the ring holds
 *                               unless r nodes in a row fail at once, and records are replicated on
 *                               the first successors, so r bounds the replica count
 * @param stabilizeMillis        period of stabilize (and of notify, which rides on it)
 * @param fixFingersMillis       period of one round of fix_fingers, which refreshes every distinct finger
 * @param checkPredecessorMillis period of check_predecessor; a predecessor heard from within the
 *                               period is not pinged
 * @param joinAttempts           tries of a join, through the bootstrap nodes in turn, before it fails
 */
public record ChordConfig(int successors, long stabilizeMillis, long fixFingersMillis, long checkPredecessorMillis,
                          int joinAttempts) {
    public static final int DEFAULT_SUCCESSORS = 16;

    public ChordConfig {
        if (successors < 1 || successors > NeighboursReply.MAX_SUCCESSORS) {
            throw new IllegalArgumentException("successor list length must be in [1, " + NeighboursReply.MAX_SUCCESSORS
                    + "]: " + successors);
        }
        if (stabilizeMillis < 1 || fixFingersMillis < 1 || checkPredecessorMillis < 1) {
            throw new IllegalArgumentException("periods must be positive");
        }
        if (joinAttempts < 1) throw new IllegalArgumentException("a join needs at least one attempt");
    }

    /** The defaults, for a stabilize period of one second. */
    public static ChordConfig defaults() {
        return forStabilizePeriod(1_000);
    }

    /**
     * The default proportions around a stabilize period: check_predecessor every two periods, a
     * fix_fingers round every 15 (fingers only make lookups fast; the successors make them right).
     */
    public static ChordConfig forStabilizePeriod(long stabilizeMillis) {
        return new ChordConfig(DEFAULT_SUCCESSORS, stabilizeMillis, 15 * stabilizeMillis, 2 * stabilizeMillis, 8);
    }

    public ChordConfig withSuccessors(int r) {
        return new ChordConfig(r, stabilizeMillis, fixFingersMillis, checkPredecessorMillis, joinAttempts);
    }

    public ChordConfig withFixFingersMillis(long millis) {
        return new ChordConfig(successors, stabilizeMillis, millis, checkPredecessorMillis, joinAttempts);
    }
}
