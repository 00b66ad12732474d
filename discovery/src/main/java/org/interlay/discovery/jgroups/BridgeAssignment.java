package org.interlay.discovery.jgroups;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which router bridges which pair of overlays, the same way on every member.
 * <p>
 * For each pair of overlays that at least one live router serves both of, the candidates are the
 * live routers serving both; the one with the highest rendezvous weight, a hash of (router, pair),
 * bridges it, ties going to the router earlier in the view. Every member computes the same plan
 * from the same view, load spreads over routers, and when a router leaves only the pairs it bridged
 * move, each to the next-highest candidate: the survivors take over without reshuffling the rest.
 */
public final class BridgeAssignment {

    private BridgeAssignment() {
    }

    /**
     * @param view              live routers' ids in view order; ids not in it are not considered
     * @param overlaysByRouter  for each router id, the overlays it is a member of
     */
    public static BridgePlan assign(List<String> view, Map<String, Set<String>> overlaysByRouter) {
        Map<OverlayPair, String> bridges = new HashMap<>();
        Map<OverlayPair, Long> bestWeight = new HashMap<>();
        for (String router : view) {
            List<String> overlays = new ArrayList<>(new TreeSet<>(overlaysByRouter.getOrDefault(router, Set.of())));
            for (int i = 0; i < overlays.size(); i++) {
                for (int j = i + 1; j < overlays.size(); j++) {
                    OverlayPair pair = new OverlayPair(overlays.get(i), overlays.get(j));
                    long weight = weight(router, pair);
                    Long best = bestWeight.get(pair);
                    if (best == null || Long.compareUnsigned(weight, best) > 0) { // strictly higher: earlier in view wins ties
                        bestWeight.put(pair, weight);
                        bridges.put(pair, router);
                    }
                }
            }
        }
        return new BridgePlan(bridges);
    }

    /** A stable 64-bit hash of router and pair, the same in every JVM. */
    static long weight(String router, OverlayPair pair) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((router + '\n' + pair.first() + '\n' + pair.second()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
