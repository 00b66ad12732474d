package org.interlay.router.sip;

import javax.sip.message.Response;

/**
 * Told everything a client transaction started by a {@link BranchSender} receives: provisional
 * responses as well as final ones (a proxy relays 1xx upstream), and the transaction's timeout.
 * Called on the stack's threads, possibly several at once.
 */
public interface BranchListener {
    void onResponse(Response response);

    /** No final response came before the transaction's own timer (Timer B for INVITE, F for others). */
    void onTimeout();
}
