package org.interlay.kademlia;

import java.time.Duration;
import org.interlay.overlay.node.msg.RouteReply;

/**
 * Settings of a Kademlia node, with the paper's values as defaults (Maymounkov and Mazieres, IPTPS
 * 2002).
 *
 * @param k             bucket size, and how many nodes a FIND_NODE answer names and a record is stored on
 *                      (section 2.2: "k is chosen such that any given k nodes are very unlikely to fail
 *                      within an hour of each other"; 20)
 * @param alpha         queries a lookup keeps in flight (section 2.3; 3)
 * @param bucketRefresh a bucket into which this node has made no lookup for this long is refreshed by a
 *                      lookup of a random id in its range (section 2.3: an hour)
 * @param rpcTimeout    how long the least-recently seen contact of a full bucket has to answer the ping
 *                      that decides whether a newcomer replaces it (section 2.2)
 * @param aliveWindow   a contact heard from less than this long ago is taken to be alive: when it is the
 *                      least-recently seen of a full bucket, a newcomer is dropped without pinging it
 *                      (section 4.1: probing live contacts is delayed until it tells something); and
 *                      once per window, each of the k closest contacts not heard from within it is
 *                      pinged ({@link NeighbourhoodWatch}). Zero turns both off.
 */
public record KademliaConfig(int k, int alpha, Duration bucketRefresh, Duration rpcTimeout, Duration aliveWindow) {
    public static final KademliaConfig DEFAULT = new KademliaConfig(20, 3, Duration.ofHours(1), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    public KademliaConfig {
        if (k < 1 || k > RouteReply.MAX_NODES) {
            throw new IllegalArgumentException("k must be in [1, " + RouteReply.MAX_NODES + "] (a FIND_NODE answer carries k nodes): " + k);
        }
        if (alpha < 1 || alpha > k) throw new IllegalArgumentException("alpha must be in [1, k]: " + alpha);
        requirePositive(bucketRefresh, "bucket refresh period");
        requirePositive(rpcTimeout, "rpc timeout");
        if (aliveWindow == null || aliveWindow.isNegative()) throw new IllegalArgumentException("alive window must be >= 0: " + aliveWindow);
    }

    public KademliaConfig withBucketRefresh(Duration period) {
        return new KademliaConfig(k, alpha, period, rpcTimeout, aliveWindow);
    }

    public KademliaConfig withRpcTimeout(Duration timeout) {
        return new KademliaConfig(k, alpha, bucketRefresh, timeout, aliveWindow);
    }

    public KademliaConfig withK(int newK) {
        return new KademliaConfig(newK, Math.min(alpha, newK), bucketRefresh, rpcTimeout, aliveWindow);
    }

    public KademliaConfig withAliveWindow(Duration window) {
        return new KademliaConfig(k, alpha, bucketRefresh, rpcTimeout, window);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive: " + d);
    }
}
