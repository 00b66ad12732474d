package org.interlay.overlay.rpc;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;

/** Takes one kind of one-way message. */
@FunctionalInterface
public interface OnewayHandler<M extends Message> {
    void handle(NodeRef from, M message);
}
