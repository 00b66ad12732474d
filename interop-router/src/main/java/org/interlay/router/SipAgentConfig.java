package org.interlay.router;

import java.util.Optional;
import org.interlay.router.auth.DigestAuthentication;
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
 * @param authentication how it authenticates the domain's users (digest); null: it does not, anyone may
 *                 claim any address of the domain
 */
public record SipAgentConfig(String domain, SipEndpointConfig endpoint, AgentPolicies policies, Credentials credentials,
                             DigestAuthentication authentication) {
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
        if (authentication != null && !authentication.users().realm().equals(domain)) {
            throw new IllegalArgumentException("the users are of " + authentication.users().realm() + ", not of " + domain);
        }
    }

    /** An agent that signs nothing and does not authenticate. */
    public SipAgentConfig(String domain, SipEndpointConfig endpoint, AgentPolicies policies) {
        this(domain, endpoint, policies, null, null);
    }

    /** An agent for {@code domain} on 127.0.0.1:{@code port} (0 picks a free port) with standard policies. */
    public static SipAgentConfig defaults(String domain, int port) {
        return new SipAgentConfig(domain, SipEndpointConfig.loopback(domain, port), AgentPolicies.STANDARD);
    }

    public SipAgentConfig withEndpoint(SipEndpointConfig e) {
        return new SipAgentConfig(domain, e, policies, credentials, authentication);
    }

    public SipAgentConfig withPolicies(AgentPolicies p) {
        return new SipAgentConfig(domain, endpoint, p, credentials, authentication);
    }

    /** This agent signing the records it writes with {@code c}, an agent certificate of its domain. */
    public SipAgentConfig withCredentials(Credentials c) {
        return new SipAgentConfig(domain, endpoint, policies, c, authentication);
    }

    /** The same agent, authenticating its users as {@code a} says. */
    public SipAgentConfig withAuthentication(DigestAuthentication a) {
        return new SipAgentConfig(domain, endpoint, policies, credentials, a);
    }

    /** The credentials records are signed with, if any. */
    public Optional<Credentials> signing() {
        return Optional.ofNullable(credentials);
    }
}
