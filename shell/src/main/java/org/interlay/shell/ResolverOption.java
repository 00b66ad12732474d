package org.interlay.shell;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Optional;
import org.interlay.router.dns.DnsConfigException;
import org.interlay.router.dns.DnsUpdateTarget;
import org.interlay.router.dns.SipServerLocator;
import picocli.CommandLine.Option;

/** {@code --dns}: where agents and routers look up the domains no overlay serves (RFC 3263). */
final class ResolverOption {
    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Reach SIP domains that no overlay serves through the servers DNS names for them (RFC 3263: NAPTR, "
                    + "SRV, A), asking this DNS server. Default: the system's resolver when --bind is not a loopback address; "
                    + "on loopback none, so nothing is asked beyond this host unless you say so.")
    String server;

    /** The locator to use for a process bound to {@code bind}, if any. */
    Optional<SipServerLocator> locator(InetAddress bind) throws DnsConfigException {
        if (server != null) return Optional.of(SipServerLocator.using(DnsUpdateTarget.serverAddress(server, "--dns"), new SecureRandom()));
        if (bind.isLoopbackAddress()) return Optional.empty();
        return SipServerLocator.system(new SecureRandom());
    }
}
