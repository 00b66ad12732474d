package org.interlay.router.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest nonce-count seen with each live nonce (RFC 7616 §3.4: a server that keeps the count can
 * tell a replayed response, whose count is not above the last one, from a new one). Bounded: nonces
 * older than their lifetime are forgotten first; past {@code max} live ones, the oldest is forgotten
 * (a replay of that nonce would then pass until it goes stale, at most a nonce's lifetime).
 */
final class NonceCounts {
    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    private final long lifetimeMillis;
    private final int max;

    NonceCounts(long lifetimeMillis, int max) {
        this.lifetimeMillis = lifetimeMillis;
        this.max = max;
    }

    /** True, and remembered, when {@code count} is above every count seen before with {@code nonce}. */
    synchronized boolean advance(String nonce, long count, long nowMillis) {
        Long last = highest.get(nonce);
        if (last != null && count <= last) return false;
        if (last == null && highest.size() >= max) forgetOld(nowMillis);
        highest.put(nonce, count);
        return true;
    }

    int size() {
        return highest.size();
    }

    private void forgetOld(long nowMillis) {
        String oldest = null;
        long oldestIssued = Long.MAX_VALUE;
        for (Iterator<String> it = highest.keySet().iterator(); it.hasNext(); ) {
            String nonce = it.next();
            long issued = Nonces.issuedMillis(nonce);
            if (nowMillis - issued > lifetimeMillis) {
                it.remove();
            } else if (issued < oldestIssued) {
                oldestIssued = issued;
                oldest = nonce;
            }
        }
        if (highest.size() >= max && oldest != null) highest.remove(oldest);
    }
}
