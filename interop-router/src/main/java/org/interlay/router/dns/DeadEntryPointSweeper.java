package org.interlay.router.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.interlay.discovery.DirectoryListener;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.OverlayEntry;

/**
 * Turns what discovery sees go into DNS removals: when an entry point of one of {@code domains}
 * leaves the directory (its node's advert expired or said goodbye, or the whole overlay went), its
 * records for each transport are handed to {@code remove}. Entry points named by anything but an
 * IPv4 literal are not published, so not removed either.
 */
public final class DeadEntryPointSweeper implements DirectoryListener {
    private final Set<String> domains;
    private final List<String> transports;
    private final Consumer<List<SipEntryPoint>> remove;

    public DeadEntryPointSweeper(Set<String> domains, List<String> transports, Consumer<List<SipEntryPoint>> remove) {
        this.domains = Set.copyOf(domains.stream().map(String::toLowerCase).toList());
        this.transports = List.copyOf(transports);
        this.remove = remove;
    }

    @Override
    public void added(OverlayEntry entry) {
        // a new entry point publishes itself
    }

    @Override
    public void changed(OverlayEntry before, OverlayEntry after) {
        List<HostPort> gone = new ArrayList<>(before.sipEntryPoints());
        gone.removeAll(after.sipEntryPoints());
        sweep(before.sipDomain(), gone);
    }

    @Override
    public void removed(OverlayEntry entry) {
        sweep(entry.sipDomain(), entry.sipEntryPoints());
    }

    private void sweep(String domain, List<HostPort> gone) {
        if (gone.isEmpty() || !domains.contains(domain.toLowerCase())) return;
        List<SipEntryPoint> dead = new ArrayList<>();
        for (HostPort hp : gone) {
            if (!hp.host().matches("\\d{1,3}(\\.\\d{1,3}){3}")) continue;
            InetSocketAddress address;
            try {
                address = new InetSocketAddress(InetAddress.getByName(hp.host()), hp.port());
            } catch (UnknownHostException e) {
                continue;
            }
            for (String t : transports) dead.add(new SipEntryPoint(domain, t, address));
        }
        if (!dead.isEmpty()) remove.accept(dead);
    }
}
