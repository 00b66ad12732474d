package org.interlay.router.bridge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** For a router that is alone: it bridges every pair of the overlays it is a member of. */
public final class SoleBridgeCoordinator implements BridgeCoordinator {
    private volatile Consumer<Set<DomainPair>> assigned = pairs -> { };

    @Override
    public synchronized void start(RouterPresence self, Consumer<Set<DomainPair>> listener) {
        assigned = listener;
        update(self);
    }

    @Override
    public synchronized void update(RouterPresence self) {
        assigned.accept(allPairs(self.memberships()));
    }

    static Set<DomainPair> allPairs(List<Membership> memberships) {
        Set<DomainPair> pairs = new HashSet<>();
        for (int i = 0; i < memberships.size(); i++) {
            for (int j = i + 1; j < memberships.size(); j++) {
                pairs.add(new DomainPair(memberships.get(i).domain(), memberships.get(j).domain()));
            }
        }
        return pairs;
    }

    @Override
    public void close() {
        assigned = pairs -> { };
    }
}
