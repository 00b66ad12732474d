package org.interlay.router;

import java.util.Optional;
import org.interlay.trust.Credentials;
import org.interlay.trust.Role;
import java.time.Duration;
import java.util.List;
import org.interlay.router.sip.SipEndpointConfig;

/**
 * Settings of an interop router.
 *
 * @param routerId      the router's id among routers (letters, digits, '_', '-')
 * @param endpoint      where it takes SIP requests (127.0.0.1 by default)
 * @param domains       the domains whose overlays it joins and bridges
 * @param policies      how it serves those domains (the same as the peers' agents)
 * @param relayMode     how it forwards requests between overlays
 * @param bridgeTtl     how long its bridge records live in the overlays
 * @param bridgeRefresh how often it writes them again
 * @param rejoinPeriod  how often it tries again to join an overlay it could not
 * @param credentials   the router's certificate ({@code interlay enroll router}) and key, with which it signs
 *                      its bridge records (for secure overlays); null to sign none
 */
public record RouterConfig(String routerId, SipEndpointConfig endpoint, List<String> domains, AgentPolicies policies,
                           RelayMode relayMode, Duration bridgeTtl, Duration bridgeRefresh, Duration rejoinPeriod,
                           Credentials credentials) {
    public RouterConfig {
        if (credentials != null && credentials.identity().role() != Role.ROUTER) {
            throw new IllegalArgumentException("a router signs with a router certificate, not one of " + credentials.identity());
        }
        if (routerId == null || !routerId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a router id is 1-64 letters, digits, '_' or '-': " + routerId);
        }
        if (endpoint == null || policies == null || relayMode == null) {
            throw new IllegalArgumentException("endpoint, policies and relay mode are required");
        }
        domains = domains.stream().map(Domains::check).distinct().toList();
        if (domains.size() < 2) throw new IllegalArgumentException("a router bridges at least two domains: " + domains);
        if (bridgeTtl == null || bridgeRefresh == null || bridgeRefresh.isNegative() || bridgeRefresh.isZero()
                || bridgeRefresh.compareTo(bridgeTtl) >= 0) {
            throw new IllegalArgumentException("bridge records must be refreshed within their life");
        }
        if (rejoinPeriod == null || rejoinPeriod.toMillis() < 100) throw new IllegalArgumentException("rejoin period must be at least 100 ms");
    }

    /** A router that signs nothing. */
    public RouterConfig(String routerId, SipEndpointConfig endpoint, List<String> domains, AgentPolicies policies,
                        RelayMode relayMode, Duration bridgeTtl, Duration bridgeRefresh, Duration rejoinPeriod) {
        this(routerId, endpoint, domains, policies, relayMode, bridgeTtl, bridgeRefresh, rejoinPeriod, null);
    }

    /** A stateless router on 127.0.0.1:{@code port} (0 picks a free port) bridging {@code domains}. */
    public static RouterConfig defaults(String routerId, int port, List<String> domains) {
        return new RouterConfig(routerId, SipEndpointConfig.loopback("router-" + routerId, port), domains,
                AgentPolicies.STANDARD, RelayMode.STATELESS, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    public RouterConfig withRelayMode(RelayMode mode) {
        return new RouterConfig(routerId, endpoint, domains, policies, mode, bridgeTtl, bridgeRefresh, rejoinPeriod, credentials);
    }

    public RouterConfig withPolicies(AgentPolicies p) {
        return new RouterConfig(routerId, endpoint, domains, p, relayMode, bridgeTtl, bridgeRefresh, rejoinPeriod, credentials);
    }

    public RouterConfig withEndpoint(SipEndpointConfig e) {
        return new RouterConfig(routerId, e, domains, policies, relayMode, bridgeTtl, bridgeRefresh, rejoinPeriod, credentials);
    }

    /** This router signing its bridge records with {@code c}, a router certificate. */
    public RouterConfig withCredentials(Credentials c) {
        return new RouterConfig(routerId, endpoint, domains, policies, relayMode, bridgeTtl, bridgeRefresh, rejoinPeriod, c);
    }

    /** The credentials bridge records are signed with, if any. */
    public Optional<Credentials> signing() {
        return Optional.ofNullable(credentials);
    }
}
