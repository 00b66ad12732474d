package org.interlay.router.identity;

import java.util.Optional;
import javax.sip.message.Request;
import org.interlay.trust.CertifiedIdentity;

/** Who sent a request over mutually authenticated TLS (an agent or a router of the trust domain), if anyone did. */
@FunctionalInterface
public interface TlsPeerOf {
    Optional<CertifiedIdentity> peerOf(Request request);

    /** An element that serves no TLS: nobody is ever trusted. */
    TlsPeerOf NONE = request -> Optional.empty();
}
