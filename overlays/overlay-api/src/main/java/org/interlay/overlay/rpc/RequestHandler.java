package org.interlay.overlay.rpc;

import java.util.concurrent.CompletionStage;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;

/** Answers one kind of request; the answer may come later (a stage completed on the scheduler thread). */
@FunctionalInterface
public interface RequestHandler<M extends Message> {
    CompletionStage<? extends Message> handle(NodeRef from, M request);
}
