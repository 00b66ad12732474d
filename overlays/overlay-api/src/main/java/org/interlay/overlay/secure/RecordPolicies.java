package org.interlay.overlay.secure;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The access policy of each record kind a secure overlay stores; a kind the table does not name is
 * refused. The table belongs to whoever defines the kinds (the SIP kinds' to the router module).
 */
public final class RecordPolicies {
    /** Names no kind: a secure overlay with it stores nothing. */
    public static final RecordPolicies NONE = new RecordPolicies(Map.of());

    private final Map<String, AccessPolicy> byKind;

    private RecordPolicies(Map<String, AccessPolicy> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    public static RecordPolicies of(Map<String, AccessPolicy> byKind) {
        return new RecordPolicies(byKind);
    }

    /** This table and {@code kind} with {@code policy} (replacing any it had). */
    public RecordPolicies with(String kind, AccessPolicy policy) {
        Map<String, AccessPolicy> m = new TreeMap<>(byKind);
        m.put(kind, policy);
        return new RecordPolicies(m);
    }

    public Optional<AccessPolicy> policyOf(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    @Override
    public String toString() {
        return "policies for " + new TreeMap<>(byKind).keySet();
    }
}
