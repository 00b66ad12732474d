package org.interlay.time;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Instants read from a {@link Clock}: the clock's reading at construction is {@code anchor}, and the
 * instant moves with the clock from there. Times that go into records other processes read (expiry of
 * a binding, a publication, an advert's last sighting) come from here, so they move with the same
 * scheduler as the timers do: in real time on sockets, by hand in tests.
 */
public final class WallClock implements InstantSource {
    private final Clock clock;
    private final Instant anchor;
    private final long anchorMillis;

    /** A wall clock that reads {@code anchor} now and moves with {@code clock}. */
    public WallClock(Clock clock, Instant anchor) {
        this.clock = clock;
        this.anchor = anchor;
        this.anchorMillis = clock.nowMillis();
    }

    /** The real wall clock, moving with {@code clock} from the system's present instant. */
    public static WallClock system(Clock clock) {
        return new WallClock(clock, Instant.now());
    }

    @Override
    public Instant instant() {
        return anchor.plusMillis(clock.nowMillis() - anchorMillis);
    }

    @Override
    public long millis() {
        return anchor.toEpochMilli() + clock.nowMillis() - anchorMillis;
    }
}
