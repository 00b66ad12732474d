package org.interlay.overlay.sim;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.secure.AccessPolicy;
import org.interlay.overlay.secure.RecordPolicies;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.secure.SigningOverlay;
import org.interlay.trust.Aor;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.TrustStore;

/**
 * An enrolment authority held in memory for a simulated or test overlay: it enrols every node at the
 * id the simulation drew for it (so a seeded run routes as the open one does), in the one overlay.
 * Keys come from a generator seeded from the simulation's seed.
 */
public final class SimAuthority {
    /** The instant a simulation's virtual time 0 stands for. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final java.util.regex.Pattern CERTIFIABLE_OVERLAY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * What a simulated secure overlay stores: SIP bindings, each signed by its user or by an agent of the
     * user's domain (USER-MATCH, as the SIP agents' table says of them).
     */
    public static final RecordPolicies RECORDS = RecordPolicies.NONE
            .with("sip-binding", AccessPolicy.userMatch(Aor::tryParse));

    private final Authority authority;
    private final String overlay;
    private final InstantSource clock;
    private final java.util.Map<String, RecordSigner> agents = new java.util.concurrent.ConcurrentHashMap<>();

    public SimAuthority(String overlay, InstantSource clock, long seed) {
        this.overlay = overlay;
        this.clock = clock;
        this.authority = Authority.create("interlay-sim-" + overlay, Duration.ofDays(3650), clock, seeded(seed));
    }

    /**
     * A node certificate and key for the node at {@code id}, enrolled in this overlay; in any overlay of
     * the authority when the overlay's name cannot be written in a certificate (it has a dot, say).
     */
    public OverlayTrust enroll(Key id) {
        Optional<String> named = CERTIFIABLE_OVERLAY.matcher(overlay).matches() ? Optional.of(overlay) : Optional.empty();
        return new OverlayTrust(authority.trustStore(), authority.issue(CertifiedIdentity.node(id.toBytes(), named), VALIDITY))
                .withRecords(RECORDS);
    }

    /**
     * {@code overlay} writing as the agent of {@code domain} (a certificate of this authority, issued once
     * per domain): every record it puts is signed, every removal a signed tombstone.
     */
    public Overlay writingAsAgentOf(String domain, Overlay overlay) {
        RecordSigner signer = agents.computeIfAbsent(domain.toLowerCase(java.util.Locale.ROOT),
                d -> new RecordSigner(authority.issue(CertifiedIdentity.agent(d), VALIDITY), clock));
        return new SigningOverlay(overlay, signer);
    }

    public TrustStore trustStore() {
        return authority.trustStore();
    }

    public Authority authority() {
        return authority;
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed); // before any output: the generator then depends on the seed alone
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's SHA1PRNG is missing", e);
        }
    }
}
