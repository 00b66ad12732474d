package org.interlay.router;

import java.time.Duration;
import org.interlay.router.proxy.FailoverPolicy;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.SipEndpointConfig;

/**
 * Settings of a peer's SIP agent.
 *
 * @param domain         the SIP domain the agent serves (its overlay's), e.g. chord.lab
 * @param endpoint       where it listens (127.0.0.1 by default)
 * @param registrations  expiry policy of REGISTER
 * @param presence       expiry policy of PUBLISH and SUBSCRIBE
 * @param bindingMemory  how long an address stays known after its last contact expired (480, not 404)
 * @param cacheTtl       how long bindings and bridge records read for routing are reused
 * @param presencePoll   how often watched presence documents are read again from the overlay
 * @param failover       retries towards routers that do not answer
 * @param maxBodyBytes   largest body accepted (413 above)
 */
public record SipAgentConfig(String domain, SipEndpointConfig endpoint, ExpiryPolicy registrations,
                             ExpiryPolicy presence, Duration bindingMemory, Duration cacheTtl, Duration presencePoll,
                             FailoverPolicy failover, int maxBodyBytes) {
    public SipAgentConfig {
        if (domain == null || !domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            throw new IllegalArgumentException("a SIP domain looks like chord.lab: " + domain);
        }
        domain = domain.toLowerCase(java.util.Locale.ROOT);
        if (endpoint == null || registrations == null || presence == null || failover == null) {
            throw new IllegalArgumentException("endpoint, policies and failover are required");
        }
        if (bindingMemory == null || bindingMemory.isNegative()) throw new IllegalArgumentException("binding memory must not be negative");
        if (cacheTtl == null || cacheTtl.isNegative()) throw new IllegalArgumentException("cache time to live must not be negative");
        if (presencePoll == null || presencePoll.toMillis() < 50) throw new IllegalArgumentException("presence poll must be at least 50 ms");
        if (maxBodyBytes < 0 || maxBodyBytes > endpoint.maxMessageBytes()) {
            throw new IllegalArgumentException("body limit must be 0.." + endpoint.maxMessageBytes() + ": " + maxBodyBytes);
        }
    }

    /** An agent for {@code domain} on 127.0.0.1:{@code port} (0 picks a free port) with standard policies. */
    public static SipAgentConfig defaults(String domain, int port) {
        return new SipAgentConfig(domain, SipEndpointConfig.loopback(domain, port), ExpiryPolicy.STANDARD,
                ExpiryPolicy.STANDARD, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(1),
                FailoverPolicy.DEFAULT, 8 * 1024);
    }

    public SipAgentConfig withEndpoint(SipEndpointConfig e) {
        return new SipAgentConfig(domain, e, registrations, presence, bindingMemory, cacheTtl, presencePoll, failover, maxBodyBytes);
    }

    public SipAgentConfig withPolicies(ExpiryPolicy registrationPolicy, ExpiryPolicy presencePolicy) {
        return new SipAgentConfig(domain, endpoint, registrationPolicy, presencePolicy, bindingMemory, cacheTtl, presencePoll,
                failover, maxBodyBytes);
    }

    public SipAgentConfig withCacheTtl(Duration ttl) {
        return new SipAgentConfig(domain, endpoint, registrations, presence, bindingMemory, ttl, presencePoll, failover, maxBodyBytes);
    }

    public SipAgentConfig withPresencePoll(Duration poll) {
        return new SipAgentConfig(domain, endpoint, registrations, presence, bindingMemory, cacheTtl, poll, failover, maxBodyBytes);
    }

    public SipAgentConfig withFailover(FailoverPolicy f) {
        return new SipAgentConfig(domain, endpoint, registrations, presence, bindingMemory, cacheTtl, presencePoll, f, maxBodyBytes);
    }
}
