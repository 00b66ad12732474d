package org.interlay.shell.session;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabOverlay;
import org.interlay.overlay.Overlay;
import org.interlay.time.EventLoop;
import org.interlay.router.directory.DiscoveredDomains;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.membership.NodeJoiner;
import org.interlay.shell.repl.ShellInputException;

/**
 * A node of an overlay for the shell to look things up with: in a lab, one of the lab's peers;
 * otherwise a node of the shell's own, joined through the overlay's advertised bootstrap peers the
 * first time it is needed, on the shell's interface ({@code --bind}): its address is what the overlay
 * learns and answers to.
 */
public final class OverlayMembers implements AutoCloseable {
    private final Lab lab;
    private final OverlayDirectory directory;
    private final InetAddress bind;
    private final Map<String, Overlay> joined = new HashMap<>();
    private EventLoop loop;

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
        Overlay have = joined.get(domain);
        if (have != null) return have;
        DomainEntry entry = new DiscoveredDomains(directory).find(domain).orElseThrow(() ->
                new ShellInputException("no overlay serves " + domain));
        if (loop == null) loop = new EventLoop("shell-members");
        Overlay node = ShellSession.await(NodeJoiner.on(bind, loop, new Random()).join(entry), "joining " + entry.overlayName());
        joined.put(domain, node);
        return node;
    }

    @Override
    public synchronized void close() {
        joined.values().forEach(Overlay::leave);
        joined.clear();
        if (loop != null) loop.close();
    }
}
