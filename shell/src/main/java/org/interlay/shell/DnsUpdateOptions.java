package org.interlay.shell;

import java.nio.file.Path;
import java.util.Optional;
import org.interlay.router.dns.DnsConfigException;
import org.interlay.router.dns.DnsUpdateTarget;
import picocli.CommandLine.Option;

/** The options that publish SIP entry points in DNS, shared by {@code node}, {@code router} and {@code lab}. */
final class DnsUpdateOptions {
    @Option(names = "--dns-update", paramLabel = "HOST[:PORT]",
            description = "Publish this process's SIP entry points in DNS: the server (an IP address) that takes RFC 2136 "
                    + "updates for --dns-zone, signed with --tsig-key. SRV _sip._udp and _sip._tcp.<domain> and an A record per entry "
                    + "point, TTL 30 s; removed on exit, and by the survivors when discovery sees an entry point die.")
    String server;

    @Option(names = "--tsig-key", paramLabel = "FILE",
            description = "The TSIG key that signs the updates, in the format tsig-keygen writes (key \"name\" { algorithm ...; secret \"...\"; };).")
    Path keyFile;

    @Option(names = "--dns-zone", paramLabel = "ZONE", description = "The zone the records go in, e.g. lab (for chord.lab, kad.lab, ...).")
    String zone;

    /** The target when the three options are given, empty when none is; a clear error when only some are or one is wrong. */
    Optional<DnsUpdateTarget> target() throws DnsConfigException {
        if (server == null && keyFile == null && zone == null) return Optional.empty();
        if (server == null || keyFile == null || zone == null) {
            throw new DnsConfigException("DNS updates need all three of --dns-update, --tsig-key and --dns-zone");
        }
        return Optional.of(DnsUpdateTarget.of(server, zone, keyFile));
    }
}
