package org.interlay.discovery.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link DiscoveryNodeMain} processes in the hosts of a {@link VirtualLan}. */
public final class DiscoveryNodes {

    private DiscoveryNodes() {
    }

    /** The static-file line of a peer advert on a host address. */
    public static String advert(String overlay, String algorithm, String node, String address) {
        return "ov=" + overlay + " algo=" + algorithm + " domain=" + overlay + ".lab boot=" + address + ":4000"
                + " sip=" + address + ":5060 role=peer v=1 node=" + node;
    }

    /** A node on host {@code n} of the LAN, advertising {@code advert} unless it is null. */
    public static ChildProcess start(VirtualLan lan, int n, String label, String advert, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--bind", lan.address(n), "--host", label));
        if (advert != null) {
            args.addAll(List.of("--advertise", advert));
        }
        args.addAll(List.of(extraArgs));
        return ChildProcess.start(lan.inHost(n), label, DiscoveryNodeMain.class, args);
    }
}
