package org.interlay.harness.lab;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interlay.discovery.Algorithm;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.dns.DnsUpdateTarget;

/**
 * The lab's shape: its overlays (by default chord.lab, pastry.lab and kad.lab; any installed algorithm
 * may run more), how many routers, the address everything binds (127.0.0.1 unless a user names an
 * interface), where its SIP entry points are published in DNS (null: nowhere), and the DNS server its
 * agents and routers ask for the domains no overlay serves (null: none, they answer 404), and how the
 * agents of each domain authenticate its users (a domain not named: its agents authenticate nobody),
 * and whether the lab is secure: its parts enrolled in a temporary authority of its own
 * ({@link LabAuthority}), every user authenticated. Built here open unless {@link #secured()} says
 * otherwise; {@code interlay lab} runs secure unless told {@code --insecure}.
 */
public record LabConfig(List<LabOverlaySpec> overlays, int routers, InetAddress bind, DnsUpdateTarget dns,
                        java.net.InetSocketAddress resolver, Map<String, DigestAuthentication> authentication,
                        boolean secure) {
    public static final int MAX_PEERS = 64;
    public static final int MAX_ROUTERS = 8;
    public static final int MAX_OVERLAYS = 8;

    public LabConfig {
        overlays = List.copyOf(overlays);
        if (overlays.isEmpty() || overlays.size() > MAX_OVERLAYS) {
            throw new IllegalArgumentException("a lab has 1.." + MAX_OVERLAYS + " overlays, not " + overlays.size());
        }
        Set<String> names = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (LabOverlaySpec o : overlays) {
            if (!names.add(o.name().toLowerCase(Locale.ROOT))) throw new IllegalArgumentException("two overlays named " + o.name());
            if (!domains.add(o.domain().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two overlays serve " + o.domain());
            }
        }
        if (routers < 0 || routers > MAX_ROUTERS) throw new IllegalArgumentException("routers must be 0.." + MAX_ROUTERS);
        if (bind == null) throw new IllegalArgumentException("a bind address is required");
        authentication = Map.copyOf(authentication);
    }

    public LabConfig(List<LabOverlaySpec> overlays, int routers, InetAddress bind, DnsUpdateTarget dns,
                     java.net.InetSocketAddress resolver, Map<String, DigestAuthentication> authentication) {
        this(overlays, routers, bind, dns, resolver, authentication, false);
    }

    public LabConfig(List<LabOverlaySpec> overlays, int routers, InetAddress bind, DnsUpdateTarget dns,
                     java.net.InetSocketAddress resolver) {
        this(overlays, routers, bind, dns, resolver, Map.of());
    }

    /** The standard three overlays with the given numbers of peers. */
    public static LabConfig standard(int chord, int pastry, int kademlia, int routers, InetAddress bind) {
        return new LabConfig(List.of(
                new LabOverlaySpec("chord", Algorithm.named("chord"), "chord.lab", chord),
                new LabOverlaySpec("pastry", Algorithm.named("pastry"), "pastry.lab", pastry),
                new LabOverlaySpec("kad", Algorithm.named("kademlia"), "kad.lab", kademlia)), routers, bind, null, null);
    }

    public static LabConfig defaults() {
        return standard(8, 8, 8, 2, InetAddress.getLoopbackAddress());
    }

    /** This shape with one more overlay. */
    public LabConfig withOverlay(LabOverlaySpec overlay) {
        List<LabOverlaySpec> more = new ArrayList<>(overlays);
        more.add(overlay);
        return new LabConfig(more, routers, bind, dns, resolver, authentication, secure);
    }

    /** This shape with its agents and routers published in DNS through {@code target}. */
    public LabConfig withDns(DnsUpdateTarget target) {
        return new LabConfig(overlays, routers, bind, target, resolver, authentication, secure);
    }

    /** This shape with its agents and routers reaching conventional domains through the DNS server at {@code server} (RFC 3263). */
    public LabConfig withResolver(java.net.InetSocketAddress server) {
        return new LabConfig(overlays, routers, bind, dns, server, authentication, secure);
    }

    /** This shape with the agents of the domains named authenticating their users as said. */
    public LabConfig withAuthentication(Map<String, DigestAuthentication> byDomain) {
        return new LabConfig(overlays, routers, bind, dns, resolver, byDomain, secure);
    }

    /**
     * This shape secure: its peers, agents and routers enrolled in a temporary authority of the lab's
     * own, records signed and checked, SIP over TLS between agents and routers, and every user of a
     * lab domain authenticated by digest with credentials the lab makes on first use.
     */
    public LabConfig secured() {
        return new LabConfig(overlays, routers, bind, dns, resolver, authentication, true);
    }
}
