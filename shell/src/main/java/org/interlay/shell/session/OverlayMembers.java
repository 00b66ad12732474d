package org.interlay.shell.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabOverlay;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.client.OverlayClient;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.transport.UdpTransport;
import org.interlay.router.directory.DiscoveredDomains;
import org.interlay.router.directory.DomainEntry;
import org.interlay.shell.repl.ShellInputException;
import org.interlay.time.EventLoop;

/**
 * What the shell looks things up through: in a lab, one of the lab's peers; otherwise a client of the
 * overlay ({@link OverlayClient}), made the first time it is needed, on a socket bound to the shell's
 * address. A client goes through one of the overlay's advertised peers and moves to another, from
 * discovery, should that one die; it never joins the overlay, so the shell's lookups leave every
 * routing table and record as they were.
 */
public final class OverlayMembers implements AutoCloseable {
    private final Lab lab;
    private final OverlayDirectory directory;
    private final InetAddress bind;
    private final Random random = new Random();
    private final Map<String, OverlayClient> clients = new HashMap<>();
    private EventLoop loop;

    /** Clients on 127.0.0.1. */
    public OverlayMembers(Lab lab, OverlayDirectory directory) {
        this(lab, directory, InetAddress.getLoopbackAddress());
    }

    /** @param bind the address the clients' sockets bind (the shell's {@code --bind}) */
    public OverlayMembers(Lab lab, OverlayDirectory directory, InetAddress bind) {
        this.lab = lab;
        this.directory = directory;
        this.bind = bind;
    }

    synchronized Overlay memberOf(String domain) throws InterruptedException {
        if (lab != null) {
            Optional<LabOverlay> o = lab.overlay(domain);
            if (o.isPresent() && !o.get().peers().isEmpty()) return o.get().peers().get(0).node();
        }
        OverlayClient have = clients.get(domain);
        if (have != null) return have;
        DiscoveredDomains domains = new DiscoveredDomains(directory);
        DomainEntry entry = domains.find(domain).orElseThrow(() -> new ShellInputException("no overlay serves " + domain));
        if (loop == null) loop = new EventLoop("shell-clients");
        OverlayClient client = new OverlayClient(NodeConfig.defaults(entry.overlayName()), Key.random(random),
                new UdpTransport(loop, new InetSocketAddress(bind, 0)), loop, new Random(random.nextLong()),
                () -> domains.find(domain).map(DomainEntry::bootstrapPeers).orElse(List.of()));
        try {
            ShellSession.await(client.join(entry.bootstrapPeers()), "reaching " + entry.overlayName() + " through "
                    + entry.bootstrapPeers());
        } catch (RuntimeException | InterruptedException e) {
            client.halt();
            throw e;
        }
        clients.put(domain, client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(OverlayClient::halt);
        clients.clear();
        if (loop != null) loop.close();
    }
}
