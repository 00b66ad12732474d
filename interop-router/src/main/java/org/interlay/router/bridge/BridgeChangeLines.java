package org.interlay.router.bridge;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Says in one line each what a router's bridges became: first what it bridges (or that it is a
 * standby), then each pair it takes over and each it gives up. For consoles and the lab's notices;
 * give it to {@code Router.onBridgesChanged}.
 */
public final class BridgeChangeLines implements Consumer<Set<DomainPair>> {
    private final String routerId;
    private final Consumer<String> out;
    private Set<DomainPair> before;

    public BridgeChangeLines(String routerId, Consumer<String> out) {
        this.routerId = routerId;
        this.out = out;
    }

    @Override
    public synchronized void accept(Set<DomainPair> now) {
        if (before == null) {
            out.accept("router " + routerId + (now.isEmpty() ? " is a standby (bridges no pair)" : " bridges " + list(now)));
        } else {
            Set<DomainPair> gained = new HashSet<>(now);
            gained.removeAll(before);
            Set<DomainPair> lost = new HashSet<>(before);
            lost.removeAll(now);
            if (!gained.isEmpty()) out.accept("router " + routerId + " takes over " + list(gained));
            if (!lost.isEmpty()) {
                out.accept("router " + routerId + " gives up " + list(lost) + (now.isEmpty() ? " (now a standby)" : ""));
            }
        }
        before = Set.copyOf(now);
    }

    private static String list(Set<DomainPair> pairs) {
        return String.join(", ", pairs.stream().map(DomainPair::toString).sorted().toList());
    }
}
