package org.interlay.overlay.secure;

import org.interlay.overlay.Record;
import org.interlay.overlay.wire.WireWriter;

/**
 * The bytes a record's signature covers: a fixed label, then key, kind, name, value, owner, the
 * writer's signing time and lifetime, version and deletion mark, each length-prefixed as on the wire.
 * The holder's expiry is not covered: it is local (see {@link org.interlay.overlay.RecordSignature}).
 */
public final class SignedRecordContent {
    private static final String LABEL = "interlay-record-v1";

    private SignedRecordContent() {
    }

    public static byte[] of(Record r, long signedAtMillis, long lifetimeMillis) {
        return new WireWriter(64 + r.value().length).string(LABEL).key(r.key()).string(r.kind()).string(r.name())
                .bytes(r.value()).string(r.owner()).i64(signedAtMillis).i64(lifetimeMillis).i64(r.version())
                .bool(r.deleted()).toByteArray();
    }
}
