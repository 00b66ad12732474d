package org.interlay.router.dns;

import org.interlay.router.proxy.TargetFinder;

/** Where the client-server SIP world is reached from, if anywhere. */
public final class ConventionalDomains {
    private ConventionalDomains() {
    }

    /** {@code overlays}, and after it the domains DNS knows when {@code locator} is given; {@code overlays} alone when not. */
    public static TargetFinder around(TargetFinder overlays, SipServerLocator locator) {
        return locator == null ? overlays : new ConventionalDomainFinder(overlays, locator);
    }
}
