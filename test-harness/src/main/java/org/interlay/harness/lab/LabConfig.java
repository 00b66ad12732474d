package org.interlay.harness.lab;

import java.net.InetAddress;

/**
 * The lab's shape: how many peers in each of the three overlays, how many routers, and the address
 * everything binds (127.0.0.1 unless a user names an interface).
 */
public record LabConfig(int chord, int pastry, int kademlia, int routers, InetAddress bind) {
    public static final int MAX_PEERS = 64;
    public static final int MAX_ROUTERS = 8;

    public LabConfig {
        for (int n : new int[] {chord, pastry, kademlia}) {
            if (n < 1 || n > MAX_PEERS) throw new IllegalArgumentException("peers per overlay must be 1.." + MAX_PEERS + ": " + n);
        }
        if (routers < 0 || routers > MAX_ROUTERS) throw new IllegalArgumentException("routers must be 0.." + MAX_ROUTERS);
        if (bind == null) throw new IllegalArgumentException("a bind address is required");
    }

    public static LabConfig defaults() {
        return new LabConfig(8, 8, 8, 2, InetAddress.getLoopbackAddress());
    }
}
