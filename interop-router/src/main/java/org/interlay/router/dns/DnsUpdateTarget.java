package org.interlay.router.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Where the SIP entry points of overlays are published: the DNS server that takes RFC 2136 updates,
 * the zone they go into, and the TSIG key that signs them ({@code --dns-update}, {@code --dns-zone},
 * {@code --tsig-key}).
 */
public record DnsUpdateTarget(InetSocketAddress server, Name zone, TsigKey key) {
    public static final int DNS_PORT = 53;

    public DnsUpdateTarget {
        if (server == null || zone == null || key == null) throw new IllegalArgumentException("a server, a zone and a key are all needed");
        if (!zone.isAbsolute()) throw new IllegalArgumentException("the zone must be absolute: " + zone);
    }

    /**
     * From the options as typed: {@code hostPort} an IP literal with an optional port (53 by default),
     * {@code zone} a domain name, {@code keyFile} a BIND key file.
     */
    public static DnsUpdateTarget of(String hostPort, String zone, Path keyFile) throws DnsConfigException {
        return new DnsUpdateTarget(serverAddress(hostPort, "--dns-update"), zoneName(zone), TsigKeyFile.read(keyFile));
    }

    /** {@code 10.77.0.9} or {@code 10.77.0.9:5353} (an IP literal: the DNS server is not itself looked up in DNS). */
    public static InetSocketAddress serverAddress(String hostPort, String option) throws DnsConfigException {
        String host = hostPort;
        int port = DNS_PORT;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(':') == colon) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new DnsConfigException(option + " " + hostPort + ": the port is not a number");
            }
            if (port < 1 || port > 65535) throw new DnsConfigException(option + " " + hostPort + ": port " + port + " is out of range");
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            throw new DnsConfigException(option + " " + hostPort + ": give the DNS server as an IP address, e.g. 10.77.0.9:53");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new DnsConfigException(option + " " + hostPort + ": not an IP address");
        }
    }

    static Name zoneName(String zone) throws DnsConfigException {
        try {
            Name name = Name.fromString(zone, Name.root);
            if (name.labels() < 2) throw new DnsConfigException("--dns-zone " + zone + ": the root zone cannot be updated");
            return name;
        } catch (TextParseException e) {
            throw new DnsConfigException("--dns-zone " + zone + ": not a domain name");
        }
    }
}
