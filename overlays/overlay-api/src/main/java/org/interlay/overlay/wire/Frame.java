package org.interlay.overlay.wire;

import org.interlay.overlay.NodeRef;

/**
 * One datagram: which overlay it belongs to, whether it is a request, a response or one-way, the
 * RPC id that pairs a response with its request, who sent it, the sender's incarnation, and the message.
 *
 * <p>The incarnation is a random number a node draws when it starts. A node's id comes from its address,
 * so a peer restarted on the same host and port comes back with its old id but an empty store; a new
 * incarnation under a known id tells the others it is a new node that holds nothing yet.
 */
public record Frame(int overlayId, FrameKind kind, long rpcId, NodeRef sender, long incarnation, Message message) {}
