package org.interlay.router.sip;

/** A client transaction under way, as a proxy's branch: it can be cancelled (RFC 3261 section 9.1). */
public interface ClientBranch {
    /**
     * Sends a CANCEL for the branch's request, in a transaction of its own whose answer is not waited
     * for; the INVITE's final response (487, or a 2xx that crossed it) still comes to the listener.
     * Must only be called once a provisional response has come.
     */
    void cancel();
}
