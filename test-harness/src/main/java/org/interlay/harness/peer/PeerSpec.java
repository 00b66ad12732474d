package org.interlay.harness.peer;

import java.net.InetAddress;
import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Address;

/**
 * One overlay peer as a user starts it: which overlay, which algorithm, which SIP domain, where to
 * bind, whom to join through.
 *
 * @param overlay   the overlay's name (letters, digits, '-', '_': it is a DNS-SD instance label)
 * @param algorithm the overlay's algorithm; starting the peer needs it installed
 * @param domain    the SIP domain it serves
 * @param bind      the address every socket binds (127.0.0.1 unless the user names an interface)
 * @param port      the overlay's UDP port, 0 for any free one
 * @param bootstrap peers to join through; empty to find the overlay by discovery, or create it
 * @param sipPort   the SIP agent's port (UDP and TCP), -1 for no agent, 0 for any free one
 * @param nodeId    how the node is named in adverts; null to name it after the overlay port it binds
 *                  ({@link #nodeIdForPort}): stable across restarts on a fixed port, and unique per
 *                  host, since two nodes on one host bind different ports
 */
public record PeerSpec(String overlay, Algorithm algorithm, String domain, InetAddress bind, int port,
                       List<Address> bootstrap, int sipPort, String nodeId) {
    public PeerSpec {
        if (overlay == null || !overlay.matches("[A-Za-z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("an overlay name is 1-63 letters, digits, '-' or '_' (no dots): " + overlay);
        }
        if (algorithm == null) throw new IllegalArgumentException("a peer needs an algorithm");
        if (domain == null || !domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new IllegalArgumentException("not a SIP domain: " + domain);
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port out of range: " + port);
        if (sipPort < -1 || sipPort > 65535) throw new IllegalArgumentException("--sip-port out of range: " + sipPort);
        if (nodeId != null && !nodeId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a node id is 1-64 letters, digits, '-' or '_' (no dots): " + nodeId);
        }
        bootstrap = List.copyOf(bootstrap);
    }

    /** The name of a node that was given none: {@code n} and the overlay port it bound, e.g. {@code n4000}. */
    public static String nodeIdForPort(int boundPort) {
        return "n" + boundPort;
    }

    /** This spec with its node named, once the overlay port is bound: unchanged if it already has a name. */
    public PeerSpec namedFor(int boundPort) {
        return nodeId != null ? this
                : new PeerSpec(overlay, algorithm, domain, bind, port, bootstrap, sipPort, nodeIdForPort(boundPort));
    }
}
