package org.interlay.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabConfig;
import org.interlay.harness.lab.LabOverlaySpec;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.shell.repl.ScriptFile;
import org.interlay.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code interlay lab}: the embedded default — three overlays, discovery and routers on loopback, then the shell. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Start chord.lab, pastry.lab and kad.lab with a few peers each, discovery and routers, all on "
                + "127.0.0.1, then open the shell (or run --script, or standard input when it is not a terminal).",
                "Secure unless --insecure: a temporary authority of the lab enrols every peer, SIP agent and router "
                + "(records signed, SIP over TLS between agents and routers) and every user of a lab domain: "
                + "'as alice@chord.lab' authenticates with a password the lab makes for alice the first time.",
                "Example: interlay lab --routers 2 --script examples/cross-overlay-messaging.il"})
public final class LabCommand implements Callable<Integer> {
    private static final int EXTRA_PEERS = 3;

    @Option(names = "--chord", defaultValue = "8", paramLabel = "N", description = "Chord peers. Default: ${DEFAULT-VALUE}.")
    int chord;

    @Option(names = "--pastry", defaultValue = "8", paramLabel = "N", description = "Pastry peers. Default: ${DEFAULT-VALUE}.")
    int pastry;

    @Option(names = "--kademlia", defaultValue = "8", paramLabel = "N", description = "Kademlia peers. Default: ${DEFAULT-VALUE}.")
    int kademlia;

    @Option(names = "--overlay", paramLabel = "NAME:ALGO[:N]",
            description = "One more overlay NAME serving NAME.lab, of an installed algorithm (listed below), "
                    + "with N peers (default 3); may be repeated. Example: --overlay ring:chord:4.")
    List<String> extraOverlays = List.of();

    @Option(names = "--routers", defaultValue = "2", paramLabel = "R", description = "Routers. Default: ${DEFAULT-VALUE}.")
    int routers;

    @Option(names = "--script", paramLabel = "FILE", description = "Run this script instead of the interactive shell; "
            + "the exit code is 0 only when every line ran and every expect held.")
    Path script;

    @Option(names = "--insecure", description = "Run the lab open: peers join without certificates, records are not "
            + "signed, agents and routers talk plain UDP/TCP, and agents believe whoever claims an address (unless --users). "
            + "Default: secure.")
    boolean insecure;

    @Mixin
    DigestUsersOptions users = new DigestUsersOptions();

    @Mixin
    DnsUpdateOptions dns = new DnsUpdateOptions();

    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Reach SIP domains that no overlay serves through the servers DNS names for them (RFC 3263), asking "
                    + "this DNS server. Default: none (the lab is on loopback; such domains get 404).")
    String resolver;

    @Override
    public Integer call() throws Exception {
        var dnsTarget = dns.target();
        ScriptFile lines = script == null ? null : ScriptFile.read(script);
        if (lines != null && !ShellLauncher.checkScript(lines, System.out)) return 1;
        LabConfig config = LabConfig.standard(chord, pastry, kademlia, routers, java.net.InetAddress.getLoopbackAddress());
        if (dnsTarget.isPresent()) config = config.withDns(dnsTarget.get());
        if (resolver != null) config = config.withResolver(org.interlay.router.dns.DnsUpdateTarget.serverAddress(resolver, "--dns"));
        for (String extra : extraOverlays) {
            LabOverlaySpec overlay = LabOverlaySpec.parse(extra, EXTRA_PEERS);
            InstalledAlgorithms.implementation(overlay.algorithm());
            config = config.withOverlay(overlay);
        }
        if (users.given()) {
            config = config.withAuthentication(users.forDomains(config.overlays().stream().map(LabOverlaySpec::domain).toList()));
            for (LabOverlaySpec o : config.overlays()) {
                var a = config.authentication().get(o.domain());
                String none = insecure ? "open (no user of it in " + users.users + ")"
                        : "no user of it in " + users.users + " (the lab enrols each user it acts as)";
                System.err.println(o.domain() + ": " + (a == null ? none
                        : "agents authenticate " + a.users().size() + " users" + (insecure ? "" : " enrolled there")));
            }
        }
        if (users.algorithmsGiven() && insecure && !users.given()) {
            throw new IllegalArgumentException("--digest-algorithms: an open lab authenticates no one without --users");
        }
        if (users.algorithmsGiven() && !insecure) {
            // the agents of domains without users from --users authenticate those the lab enrols, offering the same
            var all = new java.util.HashMap<>(users.forLabEnrolledUsers(config.overlays().stream().map(LabOverlaySpec::domain).toList()));
            all.putAll(config.authentication());
            config = config.withAuthentication(all);
            System.err.println("agents offer " + users.algorithmNames() + " digest challenges");
        }
        if (!insecure) config = config.secured();
        System.err.println(insecure
                ? "the lab runs open (--insecure): any process on this host may join its overlays, and "
                        + (users.given() ? "users outside " + users.users + " are believed" : "any user is believed")
                : "the lab is secure: its own temporary authority enrols every peer, agent, router and user; "
                        + "'as alice@chord.lab' authenticates with a password the lab makes (--insecure runs it open)");
        long start = System.nanoTime();
        System.err.println("starting the lab on 127.0.0.1 ...");
        try (Lab lab = Lab.start(config, System.err)) {
            System.err.printf("lab up in %.1f s: %s, %s%n", (System.nanoTime() - start) / 1e9,
                    Plural.of(lab.overlays().size(), "overlay"), Plural.of(lab.routers().size(), "router"));
            return ShellLauncher.run(lab.directory(), lab, config.bind(), lines);
        }
    }
}
