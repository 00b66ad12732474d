package org.interlay.router;

import java.time.Duration;
import org.interlay.router.proxy.FailoverPolicy;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.MessageSizeLimit;

/**
 * How peers' agents and routers serve their domains; the same everywhere, so that expiry and
 * retries mean the same in every overlay.
 *
 * @param registrations  expiry policy of REGISTER
 * @param presence       expiry policy of PUBLISH and SUBSCRIBE
 * @param bindingMemory  how long an address stays known after its last contact expired (480, not 404)
 * @param cacheTtl       how long bindings and bridge records read for routing are reused
 * @param presencePoll   how often watched presence documents are read again from the overlay
 * @param failover       retries towards routers that do not answer
 * @param maxBodyBytes   largest body accepted (413 above)
 * @param ringTimeout    how long a forwarded INVITE may ring unanswered before it is cancelled and
 *                       answered 480 (RFC 3261 Timer C, more than 3 minutes by default)
 */
public record AgentPolicies(ExpiryPolicy registrations, ExpiryPolicy presence, Duration bindingMemory, Duration cacheTtl,
                            Duration presencePoll, FailoverPolicy failover, int maxBodyBytes,
                            Duration ringTimeout) {
    public static final AgentPolicies STANDARD = new AgentPolicies(ExpiryPolicy.STANDARD, ExpiryPolicy.STANDARD,
            Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(1), FailoverPolicy.DEFAULT, MessageSizeLimit.BODY_BYTES,
            Duration.ofSeconds(181));

    public AgentPolicies {
        if (registrations == null || presence == null || failover == null) {
            throw new IllegalArgumentException("expiry policies and failover are required");
        }
        if (bindingMemory == null || bindingMemory.isNegative()) throw new IllegalArgumentException("binding memory must not be negative");
        if (cacheTtl == null || cacheTtl.isNegative()) throw new IllegalArgumentException("cache time to live must not be negative");
        if (presencePoll == null || presencePoll.toMillis() < 50) throw new IllegalArgumentException("presence poll must be at least 50 ms");
        if (ringTimeout == null || ringTimeout.toMillis() < 100) throw new IllegalArgumentException("ring timeout must be at least 100 ms");
        if (maxBodyBytes < 0 || maxBodyBytes > 65_000) throw new IllegalArgumentException("body limit must be 0..65000: " + maxBodyBytes);
    }

    public AgentPolicies withExpiry(ExpiryPolicy registrationPolicy, ExpiryPolicy presencePolicy) {
        return new AgentPolicies(registrationPolicy, presencePolicy, bindingMemory, cacheTtl, presencePoll, failover, maxBodyBytes, ringTimeout);
    }

    public AgentPolicies withCacheTtl(Duration ttl) {
        return new AgentPolicies(registrations, presence, bindingMemory, ttl, presencePoll, failover, maxBodyBytes, ringTimeout);
    }

    public AgentPolicies withPresencePoll(Duration poll) {
        return new AgentPolicies(registrations, presence, bindingMemory, cacheTtl, poll, failover, maxBodyBytes, ringTimeout);
    }

    public AgentPolicies withFailover(FailoverPolicy f) {
        return new AgentPolicies(registrations, presence, bindingMemory, cacheTtl, presencePoll, f, maxBodyBytes, ringTimeout);
    }

    public AgentPolicies withMaxBodyBytes(int bytes) {
        return new AgentPolicies(registrations, presence, bindingMemory, cacheTtl, presencePoll, failover, bytes, ringTimeout);
    }

    public AgentPolicies withRingTimeout(Duration timeout) {
        return new AgentPolicies(registrations, presence, bindingMemory, cacheTtl, presencePoll, failover, maxBodyBytes, timeout);
    }
}
