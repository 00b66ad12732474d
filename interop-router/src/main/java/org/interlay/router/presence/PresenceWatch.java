package org.interlay.router.presence;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * Keeps subscribers up to date. A presentity may publish through any peer of its overlay, so the
 * notifier reads the publication of each watched presentity from the overlay every poll period (and
 * at once when a PUBLISH came through here), and sends a NOTIFY to every subscriber that has not
 * seen the current state. It also ends expired subscriptions with a NOTIFY terminated;reason=timeout.
 */
final class PresenceWatch implements AutoCloseable {
    private final SubscriptionTable table;
    private final Function<String, Optional<PresenceStore>> stores;
    private final Notifier notifier;
    private final InstantSource clock;
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    private final Set<String> readAgain = ConcurrentHashMap.newKeySet();
    private final Timer ticks;

    PresenceWatch(SubscriptionTable table, Function<String, Optional<PresenceStore>> stores, Notifier notifier,
                  InstantSource clock, Scheduler timers, Duration poll) {
        this.table = table;
        this.stores = stores;
        this.notifier = notifier;
        this.clock = clock;
        this.ticks = timers.repeat(poll.toMillis(), poll.toMillis(), this::tick);
    }

    /** The publication of {@code aor} changed (a PUBLISH came through here): check its subscribers now. */
    void changed(String aor) {
        if (!table.forPresentity(aor).isEmpty()) check(aor);
    }

    private void tick() {
        for (Subscription s : table.expired(clock.instant())) {
            if (table.remove(s)) notifier.terminated(s, "timeout");
        }
        table.presentities().forEach(this::check);
    }

    private void check(String aor) {
        if (!reading.add(aor)) {
            readAgain.add(aor);
            return;
        }
        Optional<PresenceStore> store = stores.apply(aor.substring(aor.indexOf('@') + 1));
        if (store.isEmpty()) {
            reading.remove(aor);
            return;
        }
        store.get().read(aor).whenComplete((publication, error) -> {
            reading.remove(aor);
            if (error == null) {
                String state = Notifier.stateOf(publication);
                for (Subscription s : table.forPresentity(aor)) {
                    if (!state.equals(s.lastSentState())) notifier.active(s, publication);
                }
            }
            if (readAgain.remove(aor)) check(aor);
        });
    }

    @Override
    public void close() {
        ticks.cancel();
    }
}
