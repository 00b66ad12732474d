package org.interlay.overlay;

import java.nio.charset.StandardCharsets;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/**
 * What an overlay stores under a key: a typed value (a SIP binding, a presence document, a router
 * advert) with the name it was stored under, its owner, an expiry and a version. A newer version
 * replaces an older one; a removal is a tombstone with a newer version, so an old copy held by a
 * replica cannot bring a removed record back.
 *
 * <p>In a secure overlay a record carries its writer's {@link RecordSignature}; any change of its
 * content (a new version, a tombstone) drops the signature, to be signed again by its writer.
 *
 * @param expiresAtMillis expiry on the holding node's clock; on the wire it travels as time left
 * @param signature       the writer's signature, or null for an unsigned record (open overlays)
 */
public record Record(Key key, String kind, String name, byte[] value, String owner, long expiresAtMillis,
                     long version, boolean deleted, RecordSignature signature) {
    public static final int MAX_KIND = 32;
    public static final int MAX_NAME = 512;
    public static final int MAX_OWNER = 256;
    public static final int MAX_VALUE = 8 * 1024;

    public Record {
        if (key == null || kind == null || name == null || value == null || owner == null) {
            throw new IllegalArgumentException("a record needs a key, kind, name, value and owner");
        }
        if (utf8(kind) > MAX_KIND || utf8(name) > MAX_NAME || utf8(owner) > MAX_OWNER || value.length > MAX_VALUE) {
            throw new IllegalArgumentException("record field too long (kind " + MAX_KIND + ", name " + MAX_NAME
                    + ", owner " + MAX_OWNER + ", value " + MAX_VALUE + " bytes at most)");
        }
    }

    /** An unsigned record. */
    public Record(Key key, String kind, String name, byte[] value, String owner, long expiresAtMillis, long version,
                  boolean deleted) {
        this(key, kind, name, value, owner, expiresAtMillis, version, deleted, null);
    }

    /** A record stored under the hash of {@code name}, living {@code ttlMillis} from {@code nowMillis}. */
    public static Record of(String kind, String name, byte[] value, String owner, long nowMillis, long ttlMillis) {
        return new Record(Key.hash(name), kind, name, value, owner, nowMillis + ttlMillis, 0, false);
    }

    public Record withVersion(long v) {
        return new Record(key, kind, name, value, owner, expiresAtMillis, v, deleted);
    }

    public Record tombstone(long v, long expiresAt) {
        return new Record(key, kind, name, new byte[0], owner, expiresAt, v, true);
    }

    /** This record signed: same content, with the writer's signature. */
    public Record withSignature(RecordSignature s) {
        return new Record(key, kind, name, value, owner, expiresAtMillis, version, deleted, s);
    }

    /** The same record and signature, expiring at {@code expiresAt} on a holder's clock. */
    public Record expiringAt(long expiresAt) {
        return new Record(key, kind, name, value, owner, expiresAt, version, deleted, signature);
    }

    public java.util.Optional<RecordSignature> signed() {
        return java.util.Optional.ofNullable(signature);
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    public String valueAsText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public void writeTo(WireWriter out, long nowMillis) {
        out.key(key).string(kind).string(name).bytes(value).string(owner)
                .i64(Math.max(0, expiresAtMillis - nowMillis)).i64(version).bool(deleted).bool(signature != null);
        if (signature != null) signature.writeTo(out);
    }

    public static Record readFrom(WireReader in, long nowMillis) throws WireFormatException {
        Key key = in.key("record key");
        String kind = in.string("record kind", MAX_KIND);
        String name = in.string("record name", MAX_NAME);
        byte[] value = in.bytes("record value", MAX_VALUE);
        String owner = in.string("record owner", MAX_OWNER);
        long ttl = in.i64InRange("record ttl", 0, 365L * 24 * 3600 * 1000);
        long version = in.i64("record version");
        boolean deleted = in.bool("record deleted");
        RecordSignature signature = in.bool("record signed") ? RecordSignature.readFrom(in) : null;
        return new Record(key, kind, name, value, owner, nowMillis + ttl, version, deleted, signature);
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && r.key.equals(key) && r.kind.equals(kind) && r.name.equals(name)
                && java.util.Arrays.equals(r.value, value) && r.owner.equals(owner)
                && r.expiresAtMillis == expiresAtMillis && r.version == version && r.deleted == deleted
                && java.util.Objects.equals(r.signature, signature);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return kind + " " + name + " v" + version + (deleted ? " (removed)" : "") + " by " + owner + (signature != null ? " (signed)" : "");
    }
}
