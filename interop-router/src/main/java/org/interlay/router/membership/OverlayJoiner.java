package org.interlay.router.membership;

import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Overlay;
import org.interlay.router.directory.DomainEntry;

/** Makes this process a member of an overlay: a node of the overlay's algorithm, joined through its bootstrap peers. */
@FunctionalInterface
public interface OverlayJoiner {
    CompletableFuture<Overlay> join(DomainEntry entry);
}
