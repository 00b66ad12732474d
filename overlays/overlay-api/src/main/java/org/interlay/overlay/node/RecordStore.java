package org.interlay.overlay.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;

/**
 * The records one node holds, as responsible node or replica: one per key, the highest version wins,
 * tombstones kept until they expire so a stale copy cannot bring a removed record back.
 */
public final class RecordStore {
    private final Map<Key, Record> records = new HashMap<>(4);

    /** Keeps {@code r} unless a version at least as new is held; true when it was kept. */
    public boolean offer(Record r) {
        Record old = records.get(r.key());
        if (old != null && old.version() >= r.version()) return false;
        records.put(r.key(), r);
        return true;
    }

    /** The record or tombstone under key, live at {@code now}. */
    public Optional<Record> get(Key key, long now) {
        Record r = records.get(key);
        if (r == null) return Optional.empty();
        if (r.isExpired(now)) {
            records.remove(key);
            return Optional.empty();
        }
        return Optional.of(r);
    }

    public Optional<Record> latest(Key key) {
        return Optional.ofNullable(records.get(key));
    }

    /** Drops what has expired; returns how many went. */
    public int expire(long now) {
        int before = records.size();
        records.values().removeIf(r -> r.isExpired(now));
        return before - records.size();
    }

    public void drop(Key key) {
        records.remove(key);
    }

    public Collection<Record> all() {
        return new ArrayList<>(records.values());
    }

    /** Live records that are not tombstones. */
    public List<Record> live(long now) {
        return records.values().stream().filter(r -> !r.deleted() && !r.isExpired(now)).toList();
    }

    public int size() {
        return records.size();
    }
}
