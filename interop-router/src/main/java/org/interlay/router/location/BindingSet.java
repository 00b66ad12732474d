package org.interlay.router.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every contact bound to one address of record, live or expired, as stored in the overlay. */
public record BindingSet(AddressOfRecord aor, List<Binding> bindings) {
    public static final int MAX_BINDINGS = 16;

    public BindingSet {
        if (aor == null) throw new IllegalArgumentException("a binding set needs its address of record");
        bindings = List.copyOf(bindings);
        if (bindings.size() > MAX_BINDINGS) {
            throw new IllegalArgumentException("at most " + MAX_BINDINGS + " contacts per address of record");
        }
    }

    public static BindingSet empty(AddressOfRecord aor) {
        return new BindingSet(aor, List.of());
    }

    /** The live contacts, most preferred first. */
    public List<Binding> live(Instant now) {
        List<Binding> live = new ArrayList<>();
        for (Binding b : bindings) {
            if (b.isLive(now)) live.add(b);
        }
        live.sort(Comparator.comparingInt(Binding::q).reversed());
        return live;
    }

    /** When the last contact expires; {@code now} when there is none. */
    public Instant lastExpiry(Instant now) {
        Instant last = now;
        for (Binding b : bindings) {
            if (b.expiresAt().isAfter(last)) last = b.expiresAt();
        }
        return last;
    }
}
