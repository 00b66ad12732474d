package org.interlay.overlay.rpc;

import java.util.concurrent.CompletionStage;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;

/**
 * Answers one kind of request with one kind of response; the answer may come later (a stage
 * completed on the scheduler thread).
 */
@FunctionalInterface
public interface RequestHandler<Q extends Message, R extends Message> {
    CompletionStage<? extends R> handle(NodeRef from, Q request);
}
