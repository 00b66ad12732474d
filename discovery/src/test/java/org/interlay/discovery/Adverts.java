package org.interlay.discovery;

import java.util.List;

/** Adverts for tests. */
public final class Adverts {

    /** Names of algorithms, as adverts carry them; discovery itself knows none. */
    public static final Algorithm CHORD = Algorithm.named("chord");
    public static final Algorithm PASTRY = Algorithm.named("pastry");
    public static final Algorithm KADEMLIA = Algorithm.named("kademlia");

    private Adverts() {
    }

    public static HostPort at(String hostPort) {
        try {
            return HostPort.parse(hostPort);
        } catch (InvalidAdvertException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static OverlayAdvert peer(String overlay, Algorithm algorithm, String node, String boot, String sip) {
        return OverlayAdvert.of(overlay, algorithm, overlay + ".lab", List.of(at(boot)),
                sip.isEmpty() ? List.of() : List.of(at(sip)), NodeRole.PEER, node);
    }

    public static OverlayAdvert router(String overlay, Algorithm algorithm, String node, String boot) {
        return OverlayAdvert.of(overlay, algorithm, overlay + ".lab", List.of(at(boot)), List.of(), NodeRole.ROUTER, node);
    }

    public static OverlayAdvert chord(String node) {
        return peer("chord", CHORD, node, "10.0.0.1:4000", "10.0.0.1:5060");
    }
}
