package org.interlay.overlay.secure;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlay.trust.Fingerprint;
import org.interlay.trust.PairKeyAgreement;
import org.interlay.trust.PairKeys;

/**
 * The MAC keys this node shares with each peer it agreed keys with, by the peer's certificate fingerprint,
 * so the agreement (an EC point multiplication) costs once per pair; the least recently used are forgotten
 * beyond a bound and agreed again when needed. Empty throughout when this node's key agrees none (not EC
 * P-256). Not thread-safe: a node's scheduler thread owns it.
 */
final class PairKeyCache {
    private final Optional<PairKeyAgreement> agreement;
    private final Map<Fingerprint, PairKeys> keys;
    private long agreements;

    PairKeyCache(Optional<PairKeyAgreement> agreement, int capacity) {
        this.agreement = agreement;
        this.keys = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Fingerprint, PairKeys> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The keys shared with the holder of the certificate {@code peer}, whose key is {@code peerKey}; empty if none can be agreed. */
    Optional<PairKeys> with(Fingerprint peer, PublicKey peerKey) {
        PairKeys k = keys.get(peer);
        if (k != null) return Optional.of(k);
        if (agreement.isEmpty()) return Optional.empty();
        Optional<PairKeys> agreed = agreement.get().with(peerKey, peer);
        agreed.ifPresent(a -> {
            keys.put(peer, a);
            agreements++;
        });
        return agreed;
    }

    /** How many agreements were computed (for tests: once per pair while it stays cached). */
    long agreements() {
        return agreements;
    }

    int size() {
        return keys.size();
    }
}
