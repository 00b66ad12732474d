package org.interlay.router.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.router.location.RecordFormatException;
import org.interlay.router.sip.Tags;
import org.interlay.router.store.KeyedSequencer;
import org.interlay.router.store.StoredRecords;

/**
 * The publications of one domain's presentities, kept in the domain's overlay under the hash of
 * {@code presence:sip:user@domain}, living as long as the publication. Conditional updates (RFC 3903
 * section 6) are applied one at a time per presentity through this peer.
 */
public final class PresenceStore {
    private final Overlay overlay;
    private final InstantSource clock;
    private final KeyedSequencer<String> updates = new KeyedSequencer<>();

    public PresenceStore(Overlay overlay, InstantSource clock) {
        this.overlay = overlay;
        this.clock = clock;
    }

    /** The live publication of {@code aor}, read from the overlay now. */
    public CompletableFuture<Optional<Publication>> read(String aor) {
        return overlay.get(key(aor)).thenApply(found -> found.flatMap(r -> decode(r)).filter(p -> p.isLive(clock.instant())));
    }

    /**
     * Applies a PUBLISH: {@code ifMatch} null makes a new publication (body required); otherwise the
     * current one must carry that entity tag, and a null body refreshes it, a body replaces it and
     * zero seconds removes it. Fails with {@link PublishRefusedException} when the condition fails.
     */
    public CompletableFuture<Optional<Publication>> publish(String aor, String ifMatch, byte[] body, long seconds) {
        return updates.run(aor, () -> overlay.get(key(aor)).thenCompose(found -> {
            Instant now = clock.instant();
            Optional<Publication> current = found.flatMap(r -> decode(r)).filter(p -> p.isLive(now));
            if (ifMatch != null && current.map(p -> !p.etag().equals(ifMatch)).orElse(true)) {
                throw new CompletionException(new PublishRefusedException(412, "Conditional Request Failed"));
            }
            if (seconds == 0) {
                return overlay.remove(key(aor)).thenApply(v -> Optional.<Publication>empty());
            }
            byte[] pidf = body != null ? body : current.orElseThrow().pidf();
            Publication next = new Publication(Tags.random(), now.plusSeconds(seconds), pidf);
            Record record = StoredRecords.create(overlay, PublicationCodec.KIND, PublicationCodec.recordName(aor),
                    PublicationCodec.encode(next), aor, Duration.ofSeconds(seconds), found, now);
            return overlay.put(record).thenApply(v -> Optional.of(next));
        }));
    }

    private static Optional<Publication> decode(Record r) {
        try {
            return Optional.of(PublicationCodec.decode(r.value()));
        } catch (RecordFormatException e) {
            return Optional.empty();
        }
    }

    private static Key key(String aor) {
        return Key.hash(PublicationCodec.recordName(aor));
    }
}
