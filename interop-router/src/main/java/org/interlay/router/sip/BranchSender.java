package org.interlay.router.sip;

import javax.sip.message.Request;

/** Starts client transactions for a proxy's branches, each reporting to its own {@link BranchListener}. */
public interface BranchSender {
    /** Sends {@code request} in a new client transaction; fails at once when it cannot be sent. */
    ClientBranch start(Request request, BranchListener listener) throws SipTransportException;
}
