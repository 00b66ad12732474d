package org.interlay.shell.session;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.harness.lab.Lab;
import org.interlay.shell.repl.ShellInputException;

/** Where the shell's users register: a peer's SIP agent of their domain, the lab's or one discovery knows. */
final class EntryPoints {
    private final Lab lab;
    private final OverlayDirectory directory;

    EntryPoints(Lab lab, OverlayDirectory directory) {
        this.lab = lab;
        this.directory = directory;
    }

    /** The lab's first agent for {@code domain}, else the first entry point discovery knows. */
    InetSocketAddress first(String domain) {
        if (lab != null) {
            Optional<InetSocketAddress> e = lab.entryPoint(domain);
            if (e.isPresent()) return e.get();
        }
        OverlayEntry entry = directory.overlayServing(domain).orElseThrow(() -> new ShellInputException(
                "no overlay serves " + domain + "; known domains: " + knownDomains()));
        HostPort sip = entry.sipEntryPoints().stream().findFirst().orElseThrow(() -> new ShellInputException(
                "overlay " + entry.name() + " (" + domain + ") advertises no SIP entry point"));
        return new InetSocketAddress(sip.host(), sip.port());
    }

    /** An entry point of {@code domain} other than {@code dead}, the lab's first, else one discovery knows. */
    Optional<InetSocketAddress> other(String domain, InetSocketAddress dead) {
        if (lab != null) {
            Optional<InetSocketAddress> e = lab.entryPoint(domain).filter(a -> !a.equals(dead));
            if (e.isPresent()) return e;
        }
        return directory.overlayServing(domain).stream().flatMap(o -> o.sipEntryPoints().stream())
                .map(hp -> new InetSocketAddress(hp.host(), hp.port())).filter(a -> !a.equals(dead)).findFirst();
    }

    private List<String> knownDomains() {
        return directory.overlays().stream().map(OverlayEntry::sipDomain).sorted().toList();
    }
}
