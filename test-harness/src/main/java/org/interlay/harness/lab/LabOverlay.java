package org.interlay.harness.lab;

import java.util.ArrayList;
import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.router.PeerAgent;

/** One overlay of the lab: its peers, and the SIP agents some of them run. */
public final class LabOverlay {
    private final String name;
    private final Algorithm algorithm;
    private final String domain;
    final List<OverlayPeer> peers = new ArrayList<>();
    final List<PeerAgent> agents = new ArrayList<>();
    /** Agents started or being started. */
    int agentsWanted;

    LabOverlay(String name, Algorithm algorithm, String domain) {
        this.name = name;
        this.algorithm = algorithm;
        this.domain = domain;
    }

    public String name() {
        return name;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public String domain() {
        return domain;
    }

    public synchronized List<OverlayPeer> peers() {
        return List.copyOf(peers);
    }

    public synchronized List<PeerAgent> agents() {
        return List.copyOf(agents);
    }
}
