package org.interlay.router.bridge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;

/**
 * Decides which router bridges which pair of domains, the same way on every router: discovery says
 * which routers are there and what each serves, and this decides who bridges what.
 * <p>
 * For each pair of domains that at least one live router serves both of, the candidates are the
 * live routers serving both; the one with the highest rendezvous weight, a hash of (router, pair),
 * bridges it, ties going to the router earlier in the view. Every member computes the same plan
 * from the same view, load spreads over routers, and when a router leaves only the pairs it bridged
 * move, each to the next-highest candidate: the survivors take over without reshuffling the rest.
 */
public final class BridgeAssignment {

    private BridgeAssignment() {
    }

    /**
     * The plan for the routers among {@code adverts}, the adverts of the discovery group's live
     * members in view order: each router's id is its node id, and it serves the domains it advertises.
     */
    public static BridgePlan assign(List<OverlayAdvert> adverts) {
        Map<String, Set<String>> domainsByRouter = new LinkedHashMap<>();
        for (OverlayAdvert advert : adverts) {
            if (advert.role() == NodeRole.ROUTER) {
                domainsByRouter.computeIfAbsent(advert.nodeId(), id -> new TreeSet<>()).add(advert.sipDomain());
            }
        }
        return assign(List.copyOf(domainsByRouter.keySet()), domainsByRouter);
    }

    /**
     * @param view             live routers' ids in view order; ids not in it are not considered
     * @param domainsByRouter  for each router id, the domains of the overlays it is a member of
     */
    public static BridgePlan assign(List<String> view, Map<String, Set<String>> domainsByRouter) {
        Map<DomainPair, String> bridges = new HashMap<>();
        Map<DomainPair, Long> bestWeight = new HashMap<>();
        for (String router : view) {
            List<String> domains = new ArrayList<>(new TreeSet<>(domainsByRouter.getOrDefault(router, Set.of()).stream()
                    .map(domain -> domain.toLowerCase(Locale.ROOT)).toList()));
            for (int i = 0; i < domains.size(); i++) {
                for (int j = i + 1; j < domains.size(); j++) {
                    DomainPair pair = new DomainPair(domains.get(i), domains.get(j));
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
    static long weight(String router, DomainPair pair) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((router + '\n' + pair.first() + '\n' + pair.second()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
