package org.interlay.router;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.Membership;
import org.interlay.router.directory.DomainDirectory;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.membership.OverlayJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlays a router is a member of: it joins the overlay of each of its domains as soon as the
 * directory knows it, tries again later when that fails, and reports each change of memberships.
 */
final class RouterMemberships {
    private static final Logger log = LoggerFactory.getLogger(RouterMemberships.class);

    private final List<String> domains;
    private final DomainDirectory directory;
    private final OverlayJoiner joiner;
    private final UnaryOperator<Overlay> writer;
    private final ServedDomains served;
    private final AgentPolicies policies;
    private final InstantSource clock;
    private final Consumer<List<Membership>> changed;
    private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
    private final Set<String> joining = ConcurrentHashMap.newKeySet();
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    /** @param writer what the router writes through in each overlay joined (signing, when it has credentials) */
    RouterMemberships(List<String> domains, DomainDirectory directory, OverlayJoiner joiner, UnaryOperator<Overlay> writer,
                      ServedDomains served, AgentPolicies policies, InstantSource clock, Consumer<List<Membership>> changed) {
        this.domains = List.copyOf(domains);
        this.directory = directory;
        this.joiner = joiner;
        this.writer = writer;
        this.served = served;
        this.policies = policies;
        this.clock = clock;
        this.changed = changed;
    }

    /** Starts joining every overlay not joined yet; the future ends when these attempts have. */
    CompletableFuture<Void> joinMissing() {
        List<CompletableFuture<?>> attempts = new ArrayList<>();
        for (String domain : domains) {
            if (memberships.containsKey(domain) || !joining.add(domain)) continue;
            Optional<DomainEntry> entry = directory.find(domain);
            if (entry.isEmpty()) {
                joining.remove(domain);
                if (reportedMissing.add(domain)) log.info("no overlay serving {} is known yet", domain);
                continue;
            }
            attempts.add(joiner.join(entry.get()).whenComplete((overlay, error) -> {
                joining.remove(domain);
                if (error != null) {
                    log.info("cannot join the overlay of {} ({}): {}", domain, entry.get().overlayName(), error.toString());
                } else {
                    joined(entry.get(), overlay);
                }
            }));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).exceptionally(e -> null);
    }

    private void joined(DomainEntry entry, Overlay overlay) {
        served.add(ServedDomain.of(entry.domain(), writer.apply(overlay), policies, clock));
        memberships.put(entry.domain(), new Membership(entry, overlay.self().address()));
        log.info("joined {} ({}, {}) as {}", entry.domain(), entry.overlayName(), entry.algorithm(), overlay.self());
        changed.accept(current());
    }

    List<Membership> current() {
        List<Membership> list = new ArrayList<>(memberships.values());
        list.sort(java.util.Comparator.comparing(Membership::domain));
        return list;
    }

    Set<String> joinedDomains() {
        return new HashSet<>(memberships.keySet());
    }
}
