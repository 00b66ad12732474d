package org.interlay.router;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.interlay.router.location.LocationService;
import org.interlay.router.presence.PresenceStore;

/** The domains an agent or router serves itself, each with the services kept in its overlay. Thread-safe. */
final class ServedDomains {
    private final Map<String, ServedDomain> domains = new ConcurrentHashMap<>();

    void add(ServedDomain domain) {
        domains.put(domain.name(), domain);
    }

    void remove(String domain) {
        domains.remove(domain.toLowerCase(Locale.ROOT));
    }

    Optional<ServedDomain> find(String domain) {
        return Optional.ofNullable(domains.get(domain.toLowerCase(Locale.ROOT)));
    }

    boolean serves(String domain) {
        return domains.containsKey(domain.toLowerCase(Locale.ROOT));
    }

    Optional<LocationService> location(String domain) {
        return find(domain).map(ServedDomain::location);
    }

    Optional<PresenceStore> presence(String domain) {
        return find(domain).map(ServedDomain::presence);
    }

    java.util.Collection<ServedDomain> all() {
        return domains.values();
    }
}
