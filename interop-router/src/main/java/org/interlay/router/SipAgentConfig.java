package org.interlay.router;

import java.util.Optional;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.router.sip.SipEndpointConfig;

/**
 * Settings of a peer's SIP agent.
 *
 * @param domain   the SIP domain the agent serves (its overlay's), e.g. chord.lab
 * @param endpoint where it listens (127.0.0.1 by default)
 * @param policies how it serves the domain
 * @param credentials the agent's certificate of its domain ({@code interlay enroll agent DOMAIN}) and key,
 *                 with which it signs every record it writes (for a secure overlay); null to sign none
 */
public record SipAgentConfig(String domain, SipEndpointConfig endpoint, AgentPolicies policies, Credentials credentials) {
    public SipAgentConfig {
        domain = Domains.check(domain);
        if (endpoint == null || policies == null) throw new IllegalArgumentException("endpoint and policies are required");
        if (credentials != null) {
            CertifiedIdentity id = credentials.identity();
            if (!id.equals(CertifiedIdentity.agent(domain))) {
                throw new IllegalArgumentException("the agent of " + domain + " needs an agent certificate of " + domain + ", not one of " + id);
            }
        }
        if (policies.maxBodyBytes() > endpoint.maxMessageBytes()) {
            throw new IllegalArgumentException("the body limit exceeds the endpoint's message limit");
        }
    }

    /** An agent that signs nothing. */
    public SipAgentConfig(String domain, SipEndpointConfig endpoint, AgentPolicies policies) {
        this(domain, endpoint, policies, null);
    }

    /** An agent for {@code domain} on 127.0.0.1:{@code port} (0 picks a free port) with standard policies. */
    public static SipAgentConfig defaults(String domain, int port) {
        return new SipAgentConfig(domain, SipEndpointConfig.loopback(domain, port), AgentPolicies.STANDARD);
    }

    public SipAgentConfig withEndpoint(SipEndpointConfig e) {
        return new SipAgentConfig(domain, e, policies, credentials);
    }

    public SipAgentConfig withPolicies(AgentPolicies p) {
        return new SipAgentConfig(domain, endpoint, p, credentials);
    }

    /** This agent signing the records it writes with {@code c}, an agent certificate of its domain. */
    public SipAgentConfig withCredentials(Credentials c) {
        return new SipAgentConfig(domain, endpoint, policies, c);
    }

    /** The credentials records are signed with, if any. */
    public Optional<Credentials> signing() {
        return Optional.ofNullable(credentials);
    }
}
