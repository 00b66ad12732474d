package org.interlay.router.bridge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Advertiser;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agreement through the discovery group: the router advertises each overlay it is a member of with
 * the role "router"; from the live members' adverts, in view order, every router computes the same
 * {@link BridgePlan} ({@link BridgeAssignment}), which says which router bridges each pair of domains. When a router leaves or crashes, the group's new
 * view moves its pairs to the surviving routers, and this router is told if it got any.
 */
public final class GroupBridgeCoordinator implements BridgeCoordinator {
    private static final Logger log = LoggerFactory.getLogger(GroupBridgeCoordinator.class);

    private final Advertiser advertiser;
    private final JGroupsDiscoverer group;
    private final Set<AdvertKey> advertised = new HashSet<>();
    private Consumer<Set<DomainPair>> assigned = pairs -> { };
    private RouterPresence self;
    private Set<DomainPair> lastTold;
    private boolean open;

    /** @param advertiser where the router's adverts go (the group itself, or all of a node's discovery) */
    public GroupBridgeCoordinator(Advertiser advertiser, JGroupsDiscoverer group) {
        this.advertiser = advertiser;
        this.group = group;
    }

    /**
     * Coordination through a node's discovery: the router's adverts go out over mDNS and the group,
     * and the group's bridge plan decides. The discovery must run its JGroups group.
     */
    public static GroupBridgeCoordinator over(LanDiscovery discovery) {
        JGroupsDiscoverer group = discovery.group().orElseThrow(() ->
                new IllegalArgumentException("routers agree through the JGroups group, and this discovery runs none"));
        return new GroupBridgeCoordinator(new Advertiser() {
            @Override
            public void advertise(OverlayAdvert advert) {
                discovery.advertise(advert);
            }

            @Override
            public void withdraw(AdvertKey key) {
                discovery.withdraw(key);
            }
        }, group);
    }

    @Override
    public synchronized void start(RouterPresence presence, Consumer<Set<DomainPair>> listener) {
        assigned = listener;
        open = true;
        group.onLiveAdvertsChange(adverts -> planChanged(BridgeAssignment.assign(adverts)));
        update(presence);
    }

    @Override
    public synchronized void update(RouterPresence presence) {
        self = presence;
        Set<AdvertKey> now = new HashSet<>();
        for (Membership m : presence.memberships()) {
            try {
                OverlayAdvert advert = advertOf(presence, m);
                advertiser.advertise(advert);
                now.add(advert.key());
            } catch (IllegalArgumentException | InvalidAdvertException e) {
                log.warn("cannot advertise router {} in overlay {}: {}", presence.routerId(), m.overlay().overlayName(),
                        e.getMessage());
            }
        }
        for (AdvertKey gone : advertised) {
            if (!now.contains(gone)) advertiser.withdraw(gone);
        }
        advertised.clear();
        advertised.addAll(now);
        planChanged(BridgeAssignment.assign(group.liveAdverts()));
    }

    private synchronized void planChanged(BridgePlan plan) {
        if (!open || self == null) return;
        Set<String> served = new HashSet<>();
        self.memberships().forEach(m -> served.add(m.domain()));
        Set<DomainPair> mine = new HashSet<>();
        for (DomainPair pair : plan.pairsBridgedBy(self.routerId())) {
            if (served.contains(pair.first()) && served.contains(pair.second())) mine.add(pair);
        }
        if (!mine.equals(lastTold)) {
            lastTold = mine;
            log.info("router {} bridges {}", self.routerId(), mine.isEmpty() ? "nothing (standby)" : mine);
            assigned.accept(Set.copyOf(mine));
        }
    }

    private static OverlayAdvert advertOf(RouterPresence presence, Membership m) throws InvalidAdvertException {
        String hostPort = presence.sipUri().substring("sip:".length()).split(";")[0];
        return OverlayAdvert.of(m.overlay().overlayName(), m.overlay().algorithm(), m.domain(),
                List.of(HostPort.parse(m.node().toString())), List.of(HostPort.parse(hostPort)), NodeRole.ROUTER,
                presence.routerId());
    }

    /** Withdraws the router's adverts; the group itself is closed by its owner. */
    @Override
    public synchronized void close() {
        open = false;
        advertised.forEach(advertiser::withdraw);
        advertised.clear();
    }
}
