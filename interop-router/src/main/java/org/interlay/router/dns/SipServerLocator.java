package org.interlay.router.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sip.address.SipURI;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * Finds the SIP servers of a domain as RFC 3263 section 4 says, with dnsjava: an IP address in the
 * URI is used as it is; a port in the URI asks for the host's A records only; otherwise NAPTR records
 * choose the transport (SIP+D2U, SIP+D2T; TLS is not served here), in their order and preference,
 * then SRV records of the chosen services; with no NAPTR, SRV {@code _sip._udp} then {@code _sip._tcp};
 * with no SRV either, the domain's A records on port 5060 over UDP. SRV targets are ordered by
 * priority, and within a priority drawn by weight (RFC 2782) with the injected randomness. Answers are
 * cached for their TTL (a dnsjava {@link Cache}). An empty list: DNS does not know the domain.
 */
public final class SipServerLocator {
    public static final int SIP_PORT = 5060;
    private static final List<String> SERVED = List.of("udp", "tcp");

    private final LookupSession session;
    private final Random random;
    private final String server;

    private SipServerLocator(LookupSession session, Random random, String server) {
        this.session = session;
        this.random = random;
        this.server = server;
    }

    /** A locator asking {@code dnsServer} (a recursive resolver or an authoritative server). */
    public static SipServerLocator using(InetSocketAddress dnsServer, Random random) {
        SimpleResolver resolver = new SimpleResolver(dnsServer);
        resolver.setTimeout(java.time.Duration.ofSeconds(2));
        LookupSession session = LookupSession.builder().resolver(resolver).cache(new Cache(DClass.IN)).clearSearchPath().ndots(0)
                .build();
        return new SipServerLocator(session, random, dnsServer.getAddress().getHostAddress() + ":" + dnsServer.getPort());
    }

    /**
     * A locator asking the resolvers the system is configured with (/etc/resolv.conf), or empty when
     * it names none.
     */
    public static java.util.Optional<SipServerLocator> system(Random random) {
        List<InetSocketAddress> servers = org.xbill.DNS.ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(using(servers.get(0), random));
    }

    /** The servers for {@code uri}, best first; empty when DNS has nothing for its host. */
    public CompletableFuture<List<ServerTarget>> locate(SipURI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String transport = uri.getTransportParam() == null ? null : uri.getTransportParam().toLowerCase(Locale.ROOT);
        if (transport != null && !SERVED.contains(transport)) return CompletableFuture.completedFuture(List.of());
        int port = uri.getPort();
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return CompletableFuture.completedFuture(List.of(new ServerTarget(transport == null ? "udp" : transport,
                    new InetSocketAddress(literal(host), port > 0 ? port : SIP_PORT))));
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (port > 0) return addresses(name, transport == null ? "udp" : transport, port);
        if (transport != null) {
            return srv(srvName(transport, name), transport).thenCompose(found -> found.isEmpty() ? addresses(name, transport, SIP_PORT)
                    : CompletableFuture.completedFuture(found));
        }
        return records(name, Type.NAPTR).thenCompose(naptrs -> {
            List<NAPTRRecord> usable = naptrs.stream().map(r -> (NAPTRRecord) r)
                    .filter(r -> r.getFlags().equalsIgnoreCase("s") && serviceTransport(r.getService()) != null)
                    .sorted(Comparator.comparingInt(NAPTRRecord::getOrder).thenComparingInt(NAPTRRecord::getPreference)).toList();
            if (!usable.isEmpty()) {
                return inOrder(usable.stream().map(r -> srv(r.getReplacement(), serviceTransport(r.getService()))).toList());
            }
            return inOrder(List.of(srv(srvName("udp", name), "udp"), srv(srvName("tcp", name), "tcp")))
                    .thenCompose(found -> found.isEmpty() ? addresses(name, "udp", SIP_PORT) : CompletableFuture.completedFuture(found));
        });
    }

    /** The results of {@code lookups}, concatenated in order. */
    private static CompletableFuture<List<ServerTarget>> inOrder(List<CompletableFuture<List<ServerTarget>>> lookups) {
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<ServerTarget> all = new ArrayList<>();
            lookups.forEach(l -> l.join().forEach(t -> {
                if (!all.contains(t)) all.add(t);
            }));
            return all;
        });
    }

    private CompletableFuture<List<ServerTarget>> srv(Name name, String transport) {
        return records(name, Type.SRV).thenCompose(rs -> {
            List<SRVRecord> ordered = RfcOrder.srv(rs.stream().map(r -> (SRVRecord) r).toList(), random);
            return inOrder(ordered.stream().map(s -> addresses(s.getTarget(), transport, s.getPort())).toList());
        });
    }

    private CompletableFuture<List<ServerTarget>> addresses(Name host, String transport, int port) {
        return records(host, Type.A).thenApply(rs -> rs.stream()
                .map(r -> new ServerTarget(transport, new InetSocketAddress(((ARecord) r).getAddress(), port))).toList());
    }

    /** The records of {@code type} at {@code name}; none when the name or the type is not there. */
    private CompletableFuture<List<Record>> records(Name name, int type) {
        return session.lookupAsync(name, type).toCompletableFuture().<List<Record>>thenApply(r -> r.getRecords())
                .exceptionally(e -> {
                    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (t instanceof NoSuchDomainException || t instanceof NoSuchRRSetException) return List.of();
                    throw new CompletionException(new java.io.IOException("DNS lookup of " + name + " "
                            + Type.string(type) + " at " + server + " failed: " + t.getMessage(), t));
                });
    }

    private static Name srvName(String transport, Name domain) {
        try {
            return Name.concatenate(Name.fromString("_sip._" + transport), domain);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException("no SRV name for " + domain, e);
        }
    }

    /** The transport of an RFC 3263 NAPTR service, null for one not served here (SIPS+D2T, others). */
    static String serviceTransport(String service) {
        return switch (service.toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> "udp";
            case "SIP+D2T" -> "tcp";
            default -> null;
        };
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
