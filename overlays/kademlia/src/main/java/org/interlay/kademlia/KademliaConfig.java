package org.interlay.kademlia;

import java.time.Duration;
import org.interlay.overlay.node.msg.RouteReply;

/**
 * Settings of a Kademlia node, with the paper's values as defaults where it gives them (Maymounkov and
 * Mazieres, IPTPS 2002).
 *
 * @param k                  bucket size, and how many nodes a FIND_NODE answer names and a record is
 *                           stored on (section 2.2: "k is chosen such that any given k nodes are very
 *                           unlikely to fail within an hour of each other"; 20)
 * @param alpha              queries a lookup keeps in flight (section 2.3; 3)
 * @param bucketRefresh      a bucket into which this node has made no lookup for this long is refreshed
 *                           by a lookup of a random id in its range (section 2.3: an hour)
 * @param rpcTimeout         how long the least-recently seen contact of a full bucket has to answer the
 *                           ping that decides whether a newcomer replaces it (section 2.2); also how long
 *                           a joining node waits before its second look at its neighbourhood, and a node
 *                           that lost a neighbour before it looks for the replacement
 * @param aliveWindow        a contact heard from less than this long ago is taken to be alive: when it
 *                           is the least-recently seen of a full bucket, a newcomer is dropped without
 *                           pinging it (section 4.1 delays probing live contacts until it tells
 *                           something; the longer a node has been up, the likelier it stays up).
 *                           Zero pings every time, as section 2.2 does
 * @param neighbourhoodCheck how often the k closest contacts not heard from for that long are pinged
 *                           ({@link NeighbourhoodWatch}); zero turns the watch off
 */
public record KademliaConfig(int k, int alpha, Duration bucketRefresh, Duration rpcTimeout, Duration aliveWindow,
                             Duration neighbourhoodCheck) {
    public static final KademliaConfig DEFAULT = new KademliaConfig(20, 3, Duration.ofHours(1), Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofMinutes(1));

    public KademliaConfig {
        if (k < 1 || k > RouteReply.MAX_NODES) {
            throw new IllegalArgumentException("k must be in [1, " + RouteReply.MAX_NODES
                    + "] (a FIND_NODE answer carries k nodes): " + k);
        }
        if (alpha < 1 || alpha > k) throw new IllegalArgumentException("alpha must be in [1, k]: " + alpha);
        requirePositive(bucketRefresh, "bucket refresh period");
        requirePositive(rpcTimeout, "rpc timeout");
        requireNotNegative(aliveWindow, "alive window");
        requireNotNegative(neighbourhoodCheck, "neighbourhood check period");
    }

    public KademliaConfig withK(int newK) {
        return new KademliaConfig(newK, Math.min(alpha, newK), bucketRefresh, rpcTimeout, aliveWindow, neighbourhoodCheck);
    }

    public KademliaConfig withBucketRefresh(Duration period) {
        return new KademliaConfig(k, alpha, period, rpcTimeout, aliveWindow, neighbourhoodCheck);
    }

    public KademliaConfig withAliveWindow(Duration window) {
        return new KademliaConfig(k, alpha, bucketRefresh, rpcTimeout, window, neighbourhoodCheck);
    }

    public KademliaConfig withNeighbourhoodCheck(Duration period) {
        return new KademliaConfig(k, alpha, bucketRefresh, rpcTimeout, aliveWindow, period);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive: " + d);
    }

    private static void requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
}
