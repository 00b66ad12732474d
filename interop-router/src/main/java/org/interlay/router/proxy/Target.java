package org.interlay.router.proxy;

import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Where a proxy sends one copy of a request: its new Request-URI, and optionally a next hop to reach
 * it through (a loose route, e.g. the router that bridges to the request's domain).
 */
public record Target(URI requestUri, SipURI via) {
    public Target {
        if (requestUri == null) throw new IllegalArgumentException("a target needs a Request-URI");
    }

    public static Target direct(URI requestUri) {
        return new Target(requestUri, null);
    }

    /** The URI that names the hop the request goes to first. */
    public URI hop() {
        return via != null ? via : requestUri;
    }
}
