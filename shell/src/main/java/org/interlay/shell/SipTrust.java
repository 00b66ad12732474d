package org.interlay.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.interlay.router.sip.SipTls;
import org.interlay.trust.Credentials;
import org.interlay.trust.Role;
import org.interlay.trust.TrustDirectory;
import org.interlay.trust.TrustException;

/**
 * The SIP credentials a router or a node's agent takes from a trust directory ({@code --trust DIR}, as
 * {@code interlay enroll router} or {@code enroll agent DOMAIN} wrote it): with them it talks TLS with
 * mutual certificates to the agents and routers of the same authority and requires asserted identities.
 * A directory that does not hold what is needed is one clear line (exit status 2).
 */
final class SipTrust {
    /** What a router prints once when it starts without {@code --trust}. */
    static final String ROUTER_OPEN = "runs open: no --trust, so SIP between agents and routers is not authenticated and "
            + "a request is believed to come from whoever its From names (interlay enroll router --out DIR; router --trust DIR)";

    private SipTrust() {
    }

    /** The router's credentials in {@code dir}: {@code ca.pem}, {@code router.pem}, {@code router-key.pem}. */
    static SipTls router(Path dir) {
        return new SipTls(load(dir, Role.ROUTER));
    }

    /**
     * The agent credentials in {@code dir} for {@code domain}, when {@code agent.pem} is there (a node's
     * trust directory may hold its node certificate only: its agent then runs open); refused when the
     * certificate is for another domain.
     */
    static Optional<SipTls> agentIfEnrolled(Path dir, String domain) {
        if (!Files.exists(TrustDirectory.certificate(dir, Role.AGENT))) return Optional.empty();
        Credentials credentials = load(dir, Role.AGENT);
        String certified = credentials.identity().domain().orElse("");
        if (!certified.equalsIgnoreCase(domain)) {
            throw new IllegalArgumentException("--trust " + dir + ": agent.pem is the agent certificate of " + certified
                    + ", but this node serves " + domain);
        }
        return Optional.of(new SipTls(credentials));
    }

    private static Credentials load(Path dir, Role role) {
        try {
            return Credentials.load(dir, role);
        } catch (TrustException e) {
            throw new IllegalArgumentException("--trust " + dir + ": " + e.getMessage(), e);
        }
    }
}
