package org.interlay.overlay.node;

import java.util.Optional;
import org.interlay.log.DropLog;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.RecordVerifier;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a node keeps, copies or hands out a record it received: in an open overlay every record; in a
 * secure one those its {@link RecordVerifier} accepts. Refusals are counted and logged (rate-limited).
 * Used on the node's scheduler thread.
 */
final class RecordAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(RecordAdmission.class);
    private static final long DROP_SUMMARY_MILLIS = 60_000;

    private final RecordVerifier verifier;
    private final DropLog refusals;
    private long refused;
    private long stale;

    private RecordAdmission(RecordVerifier verifier, Scheduler scheduler) {
        this.verifier = verifier;
        this.refusals = new DropLog(LOG, "refused records", scheduler, DROP_SUMMARY_MILLIS);
    }

    /** @param wall the node's wall clock, the one its frames are stamped with (a simulation's is virtual) */
    static RecordAdmission of(NodeConfig config, Scheduler scheduler, java.time.InstantSource wall) {
        RecordVerifier verifier = config.secure()
                .map(t -> new RecordVerifier(t.authority(), t.records(), wall))
                .orElse(null);
        return new RecordAdmission(verifier, scheduler);
    }

    boolean secure() {
        return verifier != null;
    }

    /** Why {@code r}, from {@code from}, is refused (counted and logged), or empty when it is admitted. */
    Optional<String> refusal(Record r, long nowMillis, Object from) {
        if (verifier == null) return Optional.empty();
        Optional<String> why = verifier.refusal(r, nowMillis);
        why.ifPresent(reason -> refuse("record failing its checks", from, r + ": " + reason));
        return why;
    }

    /**
     * Counts a store refused for being older than the version held. A replay looks the same as a
     * hand-over that lost a race with a newer write, so it is counted apart and logged at debug only.
     */
    void refuseStale(Record r, long heldVersion, Object from) {
        stale++;
        LOG.debug("refused {} from {}: holding v{}", r, from, heldVersion);
    }

    private void refuse(String kind, Object from, String detail) {
        refused++;
        refusals.drop(kind, from, detail);
    }

    long refused() {
        return refused;
    }

    long stale() {
        return stale;
    }
}
