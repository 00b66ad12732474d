package org.interlay.router.sip;

/** One link of an agent's handler chain: takes the requests it is for, passes the others on. */
@FunctionalInterface
public interface SipHandler {
    /** True when this handler took the request (it answers, forwards or drops it); false passes it on. */
    boolean handle(ServerExchange exchange);
}
