package org.interlay.router.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The subscriptions a notifier holds, by dialog and by presentity. Thread-safe. */
final class SubscriptionTable {
    private final Map<Subscription.Id, Subscription> byId = new ConcurrentHashMap<>();

    void add(Subscription s) {
        byId.put(s.id(), s);
    }

    Optional<Subscription> find(String callId, String localTag) {
        return Optional.ofNullable(byId.get(new Subscription.Id(callId, localTag)));
    }

    /** Removes {@code s}; false when it was no longer there. */
    boolean remove(Subscription s) {
        return byId.remove(s.id(), s);
    }

    List<Subscription> forPresentity(String aor) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : byId.values()) {
            if (s.presentity().equals(aor)) out.add(s);
        }
        return out;
    }

    /** The presentities with at least one subscription. */
    List<String> presentities() {
        return byId.values().stream().map(Subscription::presentity).distinct().toList();
    }

    List<Subscription> expired(Instant now) {
        return byId.values().stream().filter(s -> s.isExpired(now)).toList();
    }

    int size() {
        return byId.size();
    }
}
