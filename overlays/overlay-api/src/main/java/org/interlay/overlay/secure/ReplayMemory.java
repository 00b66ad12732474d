package org.interlay.overlay.secure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interlay.trust.Fingerprint;

/**
 * The frames taken within the replay window, by signer, timestamp and nonce: a second copy of one is a
 * replay. Entries leave once their timestamp is outside the window (a copy of such a frame is stale
 * anyway), and the oldest leave beyond a bound: a sender of more than {@code capacity} frames per window
 * to one node makes the oldest of them replayable until they are stale. Not thread-safe.
 */
final class ReplayMemory {
    private record Seen(Fingerprint signer, long timestamp, long nonce) {}

    private final Map<Seen, Long> seen = new LinkedHashMap<>();
    private final int capacity;

    ReplayMemory(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time a frame is offered, false for a copy; forgets what is older than {@code horizon}. */
    boolean firstTime(Fingerprint signer, long timestamp, long nonce, long horizon) {
        Iterator<Long> it = seen.values().iterator();
        while (it.hasNext()) {
            long t = it.next();
            if (t >= horizon && seen.size() < capacity) break;
            it.remove();
        }
        return seen.putIfAbsent(new Seen(signer, timestamp, nonce), timestamp) == null;
    }

    int size() {
        return seen.size();
    }
}
