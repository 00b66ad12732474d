package org.interlay.router.dns;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * One SIP entry point of an overlay's domain as DNS shows it (RFC 3263 section 4.2, RFC 2782): an SRV
 * record {@code _sip._udp.chord.lab.} (or {@code _tcp}) naming a host of its own,
 * {@code ep-10-77-0-1-5060.chord.lab.}, whose A record is the entry point's address. Each entry point
 * has its own host name, so removing one never touches another's records, even on the same host.
 *
 * @param domain    the SIP domain, e.g. chord.lab
 * @param transport udp or tcp
 * @param address   the entry point's IPv4 address and port
 */
public record SipEntryPoint(String domain, String transport, InetSocketAddress address) {
    public static final int PRIORITY = 10;
    public static final int WEIGHT = 50;

    public SipEntryPoint {
        transport = transport.toLowerCase(Locale.ROOT);
        if (!List.of("udp", "tcp").contains(transport)) throw new IllegalArgumentException("transport udp or tcp, not " + transport);
        if (!(address.getAddress() instanceof Inet4Address)) throw new IllegalArgumentException("an IPv4 entry point, not " + address);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The SRV owner: {@code _sip._udp.<domain>.} */
    public Name serviceName() {
        return name("_sip._" + transport + "." + domain);
    }

    /** The host name the SRV record points at, unique to this entry point. */
    public Name hostName() {
        return name("ep-" + address.getAddress().getHostAddress().replace('.', '-') + "-" + address.getPort() + "." + domain);
    }

    public SRVRecord srv(long ttlSeconds) {
        return new SRVRecord(serviceName(), DClass.IN, ttlSeconds, PRIORITY, WEIGHT, address.getPort(), hostName());
    }

    public ARecord a(long ttlSeconds) {
        return new ARecord(hostName(), DClass.IN, ttlSeconds, address.getAddress());
    }

    /** Both records, SRV first. */
    public List<Record> records(long ttlSeconds) {
        return List.of(srv(ttlSeconds), a(ttlSeconds));
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }

    @Override
    public String toString() {
        return transport + " " + address.getAddress().getHostAddress() + ":" + address.getPort() + " of " + domain;
    }
}
