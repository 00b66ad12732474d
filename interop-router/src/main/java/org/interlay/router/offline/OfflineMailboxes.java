package org.interlay.router.offline;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.interlay.overlay.Overlay;
import org.interlay.time.Scheduler;

/**
 * The mailbox of each domain served here, made when first needed, on the overlay that serves the
 * domain now (a router that joins an overlay again gets a mailbox on its new node). One set of counts
 * for all of them.
 */
public final class OfflineMailboxes {
    private final Function<String, Optional<Overlay>> overlays;
    private final InstantSource clock;
    private final Scheduler timers;
    private final OfflineCounts counts = new OfflineCounts();
    private final Map<String, OfflineMailbox> mailboxes = new ConcurrentHashMap<>();

    /** @param overlays the overlay serving each domain served here, by domain */
    public OfflineMailboxes(Function<String, Optional<Overlay>> overlays, InstantSource clock, Scheduler timers) {
        this.overlays = overlays;
        this.clock = clock;
        this.timers = timers;
    }

    public Optional<OfflineMailbox> find(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        return overlays.apply(name).map(overlay -> mailboxes.compute(name,
                (d, current) -> current != null && current.overlay() == overlay ? current
                        : new OfflineMailbox(overlay, clock, timers, counts)));
    }

    public OfflineCounts counts() {
        return counts;
    }
}
