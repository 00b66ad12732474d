package org.interlay.overlay.wire;

import org.interlay.overlay.NodeRef;

/**
 * One datagram: which overlay it belongs to, whether it is a request, a response or one-way, the
 * RPC id that pairs a response with its request, who sent it, and the message.
 */
public record Frame(int overlayId, FrameKind kind, long rpcId, NodeRef sender, Message message) {}
