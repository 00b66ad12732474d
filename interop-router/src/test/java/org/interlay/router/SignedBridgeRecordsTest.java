package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.RecordVerifier;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.discovery.Algorithm;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.OverlayJoiner;
import org.interlay.router.store.SipRecordPolicies;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A router with a router certificate signs the bridge records it writes, and a secure overlay's checks accept them. */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignedBridgeRecordsTest {
    private final InMemoryOverlay pastry = new InMemoryOverlay("pastry");
    private final InMemoryOverlay kad = new InMemoryOverlay("kad");
    private final Map<String, Overlay> byOverlayName = Map.of("pastry", pastry, "kad", kad);
    private final OverlayJoiner joiner = e -> CompletableFuture.completedFuture(byOverlayName.get(e.overlayName()));
    private Router router;

    @AfterEach
    void stop() {
        if (router != null) router.halt();
    }

    @Test
    void bridgeRecordsAreSignedByTheRouter() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(29);
        Authority authority = Authority.create("lab", Duration.ofDays(3650), InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")), random);
        StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
                new DomainEntry("pastry.lab", "pastry", Algorithm.named("chord"), List.of(), List.of()),
                new DomainEntry("kad.lab", "kad", Algorithm.named("chord"), List.of(), List.of())));
        router = Router.start(RouterConfig.defaults("r1", 0, List.of("pastry.lab", "kad.lab"))
                        .withCredentials(authority.issue(CertifiedIdentity.router("r1"), Duration.ofDays(3650))),
                directory, joiner, new SoleBridgeCoordinator());
        RecordVerifier verifier = new RecordVerifier(authority.trustStore(), SipRecordPolicies.TABLE, InstantSource.system());
        for (InMemoryOverlay o : List.of(pastry, kad)) {
            String target = o == pastry ? "kad.lab" : "pastry.lab";
            // the router writes its bridges once it has joined, which Router.start does not wait for
            Eventually.await(() -> o.held("bridge:" + target).isPresent(), Duration.ofSeconds(20), "the bridge to " + target);
            Record bridge = o.held("bridge:" + target).orElseThrow();
            assertTrue(bridge.signed().isPresent(), "the bridge to " + target + " is signed");
            assertEquals(Optional.empty(), verifier.refusal(bridge, o.clock().nowMillis()));
        }
    }
}
