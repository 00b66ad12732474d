package org.interlay.overlay.node;

import java.util.Optional;
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.secure.OverlayTrust;

/**
 * Settings of one overlay node.
 *
 * @param overlayName          the overlay (and SIP domain) this node belongs to; frames of others are dropped
 * @param replicas             copies of each record besides the responsible node's; negative for the
 *                             algorithm's default
 * @param maintenanceMillis    period of replica maintenance and record expiry
 * @param stabilizeMillis      period of the algorithm's own maintenance (stabilize, leaf-set repair, refresh)
 * @param lookupMode           iterative (the asking node drives) or recursive (each node forwards)
 * @param trust                the enrolment of a secure overlay's node, or null for an open overlay
 */
public record NodeConfig(String overlayName, int replicas, long maintenanceMillis, long stabilizeMillis,
                         LookupMode lookupMode, RpcConfig rpc, OverlayTrust trust) {
    public NodeConfig {
        if (overlayName == null || overlayName.isBlank()) throw new IllegalArgumentException("an overlay needs a name");
        if (maintenanceMillis < 1 || stabilizeMillis < 1) throw new IllegalArgumentException("periods must be positive");
    }

    public static NodeConfig defaults(String overlayName) {
        return new NodeConfig(overlayName, -1, 10_000, 1_000, LookupMode.ITERATIVE, RpcConfig.DEFAULT, null);
    }

    public NodeConfig withLookupMode(LookupMode mode) {
        return new NodeConfig(overlayName, replicas, maintenanceMillis, stabilizeMillis, mode, rpc, trust);
    }

    public NodeConfig withRpc(RpcConfig r) {
        return new NodeConfig(overlayName, replicas, maintenanceMillis, stabilizeMillis, lookupMode, r, trust);
    }

    public NodeConfig withPeriods(long maintenance, long stabilize) {
        return new NodeConfig(overlayName, replicas, maintenance, stabilize, lookupMode, rpc, trust);
    }

    public NodeConfig withReplicas(int r) {
        return new NodeConfig(overlayName, r, maintenanceMillis, stabilizeMillis, lookupMode, rpc, trust);
    }

    /** This node enrolled in a secure overlay: frames and records are signed and checked (see {@link OverlayTrust}). */
    public NodeConfig withTrust(OverlayTrust t) {
        return new NodeConfig(overlayName, replicas, maintenanceMillis, stabilizeMillis, lookupMode, rpc, t);
    }

    /** The node's enrolment, when the overlay is secure. */
    public Optional<OverlayTrust> secure() {
        return Optional.ofNullable(trust);
    }

    /** The 32-bit id that marks this overlay's frames. */
    public int overlayId() {
        byte[] h = org.interlay.overlay.Key.hash("overlay:" + overlayName).toBytes();
        return ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
    }

    public enum LookupMode { ITERATIVE, RECURSIVE }
}
