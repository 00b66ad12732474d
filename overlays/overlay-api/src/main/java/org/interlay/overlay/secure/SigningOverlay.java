package org.interlay.overlay.secure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.OverlayStats;
import org.interlay.overlay.Record;
import org.interlay.time.Clock;

/**
 * An overlay as one writer with credentials uses it: every record it puts is signed by that writer, and
 * a removal is a signed tombstone. Everything else goes to the overlay as it is.
 */
public final class SigningOverlay implements Overlay {
    /** How long a signed tombstone lives: as long as the node's own tombstones. */
    public static final long TOMBSTONE_MILLIS = 3_600_000;

    private final Overlay overlay;
    private final RecordSigner signer;

    public SigningOverlay(Overlay overlay, RecordSigner signer) {
        this.overlay = overlay;
        this.signer = signer;
    }

    @Override
    public CompletableFuture<Void> put(Record record) {
        return overlay.put(signer.sign(record, overlay.clock()));
    }

    /** Puts a signed tombstone over the record held under {@code key}, if there is one. */
    @Override
    public CompletableFuture<Void> remove(Key key) {
        return overlay.get(key).thenCompose(existing -> existing.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
                : overlay.put(signer.tombstone(existing.get(), TOMBSTONE_MILLIS, overlay.clock())));
    }

    @Override
    public String name() {
        return overlay.name();
    }

    @Override
    public String algorithm() {
        return overlay.algorithm();
    }

    @Override
    public NodeRef self() {
        return overlay.self();
    }

    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        return overlay.join(bootstrap);
    }

    @Override
    public CompletableFuture<Void> leave() {
        return overlay.leave();
    }

    @Override
    public CompletableFuture<Optional<Record>> get(Key key) {
        return overlay.get(key);
    }

    @Override
    public CompletableFuture<LookupResult> lookup(Key key) {
        return overlay.lookup(key);
    }

    @Override
    public OverlayStats stats() {
        return overlay.stats();
    }

    @Override
    public Clock clock() {
        return overlay.clock();
    }

    @Override
    public void halt() {
        overlay.halt();
    }
}
