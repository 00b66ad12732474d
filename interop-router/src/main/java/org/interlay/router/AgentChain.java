package org.interlay.router;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.message.Request;
import org.interlay.router.identity.AssertionRequired;
import org.interlay.router.offline.OfflineMessageHandler;
import org.interlay.router.proxy.ProxyHandler;
import org.interlay.router.proxy.RegisteredContacts;
import org.interlay.router.proxy.Relay;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.proxy.TargetFinder;
import org.interlay.router.sip.SipHandler;

/**
 * The handler chain of a peer's agent and of a router, built in one place: the domain services
 * (validation, Route, registrar, presence), then, in a secure deployment (the element serves TLS),
 * the refusal of requests whose user's identity is neither asserted nor authenticated
 * ({@link AssertionRequired}), then calls (requests inside dialogs, INVITE and CANCEL:
 * {@link CallRouting}), then the proxy to registered users of the domains served here (a MESSAGE to a
 * user known but offline is kept for the user and answered 202 instead), then the way to other
 * domains (a peer's bridges, a router's directory), which also takes
 * REGISTER for a domain not served here. They differ only in the relay to local users and in how
 * other domains are found.
 */
final class AgentChain {
    /** Methods proxied to users. */
    static final Set<String> PROXIED = Set.of(Request.MESSAGE, Request.SUBSCRIBE, Request.NOTIFY, Request.PUBLISH,
            Request.OPTIONS, Request.INFO, Request.BYE, Request.UPDATE, Request.PRACK, Request.REFER);
    /** Methods the chain takes at all (an ACK is taken and never answered); others get 405. */
    static final List<String> ALLOWED = List.of(Request.REGISTER, Request.MESSAGE, Request.PUBLISH, Request.SUBSCRIBE,
            Request.NOTIFY, Request.OPTIONS, Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.UPDATE,
            Request.INFO, Request.PRACK, Request.REFER);
    private static final Set<String> TO_OTHER_DOMAINS = withRegister(PROXIED);

    private AgentChain() {
    }

    /**
     * Installs the chain on {@code server}.
     *
     * @param localRelay   how requests reach registered users of the domains served here
     * @param otherDomains where requests for the domains not served here go
     * @param phonesDomain for an agent, its domain (its phones' requests are its digest challenge's to
     *                     check); empty for a router
     */
    static void serve(SipServer server, ServedDomains served, DomainServices services, AgentPolicies policies,
                      Relay localRelay, TargetFinder otherDomains, Optional<String> phonesDomain) {
        List<SipHandler> chain = new ArrayList<>(services.handlers());
        if (server.endpoint().tlsAddress().isPresent()) {
            chain.add(new AssertionRequired(AssertionRequired::anyDomainName, phonesDomain, server.endpoint()::tlsPeerOf,
                    server.identityRefusals()));
        }
        RegisteredContacts localUsers = new RegisteredContacts(served::location, server.wall());
        chain.addAll(CallRouting.handlers(server, policies, List.of(localUsers, otherDomains),
                otherDomains.retriesFailedHops() ? otherDomains : null));
        ProxyHandler toLocalUsers = new ProxyHandler(PROXIED, localUsers, localRelay, server.loopGuard(), policies.failover(),
                server.timers());
        chain.add(new OfflineMessageHandler(served::location, services.mailboxes()::find, toLocalUsers, server.wall()));
        chain.add(toLocalUsers);
        StatefulRelay toOtherDomains = new StatefulRelay(server.sender(), server.copies(), server.timers());
        chain.add(new ProxyHandler(TO_OTHER_DOMAINS, otherDomains, toOtherDomains, server.loopGuard(), policies.failover(),
                server.timers()));
        server.serve(chain, ALLOWED);
    }

    private static Set<String> withRegister(Set<String> methods) {
        Set<String> all = new HashSet<>(methods);
        all.add(Request.REGISTER);
        return Set.copyOf(all);
    }
}
