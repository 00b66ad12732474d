package org.interlay.router.sip;

import java.util.Objects;
import org.interlay.trust.Credentials;

/**
 * What an endpoint needs to serve SIP over TLS (RFC 3261 section 26.2) between the agents and
 * routers of one trust domain: its own certificate and key, and the authority whose agent and router
 * certificates it accepts from peers. Both ends present a certificate (mutual authentication); a
 * peer is accepted when the authority issued its certificate for role agent or router.
 *
 * <p>TLS listens on the SIP port + 1 (5061 beside 5060, the convention of RFC 3261 section 19.1.2).
 *
 * @param credentials the holder's certificate (role agent or router) and key, and the authority's certificate
 */
public record SipTls(Credentials credentials) {
    /** How far the TLS port is from the UDP/TCP port. */
    public static final int PORT_OFFSET = 1;

    public SipTls {
        Objects.requireNonNull(credentials, "credentials");
    }
}
