package org.interlay.router.ua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipTransport;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestCredential;

/**
 * Settings of a user agent.
 *
 * @param aor           the user's address, e.g. sip:alice@chord.lab
 * @param outboundProxy the SIP agent of a peer of the user's overlay, where every out-of-dialog request goes
 * @param endpoint      where the user agent itself listens (127.0.0.1 by default; on UDP and TCP); its
 *                      Contact and Via name this address, so a user agent that talks to other hosts must
 *                      listen on an interface of the LAN, never on loopback
 * @param transport     how it reaches its outbound proxy and asks to be reached: its Route to the proxy
 *                      and its Contact carry {@code ;transport=tcp} for TCP, nothing for UDP
 * @param credential    the user's digest password, to answer its agent's challenges (RFC 3261 §22); null
 *                      when it has none (a challenge is then the request's final answer)
 */
public record UserAgentConfig(AddressOfRecord aor, InetSocketAddress outboundProxy, SipEndpointConfig endpoint,
                              SipTransport transport, DigestCredential credential) {
    public UserAgentConfig {
        if (aor == null || outboundProxy == null || endpoint == null || transport == null) {
            throw new IllegalArgumentException("a user agent needs an address, an outbound proxy, an endpoint and a transport");
        }
        if (outboundProxy.isUnresolved() || outboundProxy.getPort() == 0) {
            throw new IllegalArgumentException("the outbound proxy needs a resolved address and a port: " + outboundProxy);
        }
        if (credential != null && !(credential.username().equals(aor.user()) && credential.realm().equals(aor.domain()))) {
            throw new IllegalArgumentException("the password is for " + credential.aor() + ", not for " + aor);
        }
    }

    /** A user agent without a password. */
    public UserAgentConfig(AddressOfRecord aor, InetSocketAddress outboundProxy, SipEndpointConfig endpoint, SipTransport transport) {
        this(aor, outboundProxy, endpoint, transport, null);
    }

    /** A user agent for {@code aor} on 127.0.0.1 (a free port), using {@code proxy} as outbound proxy over UDP. */
    public static UserAgentConfig of(String aor, InetSocketAddress proxy) {
        return of(aor, proxy, InetAddress.getLoopbackAddress());
    }

    /** A user agent for {@code aor} on {@code bind} (a free port), using {@code proxy} as outbound proxy. */
    public static UserAgentConfig of(String aor, InetSocketAddress proxy, InetAddress bind) {
        AddressOfRecord a = AddressOfRecord.parse(aor);
        return new UserAgentConfig(a, proxy, new SipEndpointConfig("ua-" + a.user(), new InetSocketAddress(bind, 0), 2,
                SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES), SipTransport.UDP);
    }

    public UserAgentConfig withTransport(SipTransport t) {
        return new UserAgentConfig(aor, outboundProxy, endpoint, t, credential);
    }

    /** The same user agent, answering challenges with {@code password}. */
    public UserAgentConfig withPassword(String password) {
        return new UserAgentConfig(aor, outboundProxy, endpoint, transport, new DigestCredential(new Aor(aor.user(), aor.domain()), password));
    }
}
