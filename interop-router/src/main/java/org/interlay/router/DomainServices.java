package org.interlay.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.address.SipURI;
import org.interlay.router.identity.UntrustedAssertions;
import org.interlay.router.offline.OfflineDelivery;
import org.interlay.router.offline.OfflineMailboxes;
import org.interlay.router.presence.PresenceAgent;
import org.interlay.router.proxy.RoutePreprocessor;
import org.interlay.router.registrar.RegistrarHandler;
import org.interlay.router.sip.CancelWithoutTransaction;
import org.interlay.router.sip.OptionsToSelf;
import org.interlay.router.sip.RequestValidator;
import org.interlay.router.sip.SipHandler;

/**
 * The services an agent or a router gives for the domains it serves, as the head of its handler
 * chain: request validation, P-Asserted-Identity believed only from the trust domain, Route preprocessing, the registrar and the presence agent. What follows
 * in the chain is proxying, which differs between a peer's agent and a router. A REGISTER that binds a
 * contact has the messages kept for the user while offline delivered to it.
 */
final class DomainServices implements AutoCloseable {
    private final List<SipHandler> handlers;
    private final PresenceAgent presence;
    private final OfflineMailboxes mailboxes;

    DomainServices(SipServer server, ServedDomains served, AgentPolicies policies) {
        this(server, served, policies, Optional.empty());
    }

    /** @param authentication what authenticates the domain's users before the registrar and presence see their requests */
    DomainServices(SipServer server, ServedDomains served, AgentPolicies policies, Optional<SipHandler> authentication) {
        SipURI contact = server.endpoint().uri();
        this.mailboxes = new OfflineMailboxes(domain -> served.find(domain).map(ServedDomain::overlay), server.wall(),
                server.timers());
        OfflineDelivery delivery = new OfflineDelivery(mailboxes::find, server.sender(), server.self(), mailboxes.counts());
        this.presence = new PresenceAgent(served::presence, policies.presence(), server.sender(), server.self(), contact,
                server.wall(), server.timers(), policies.presencePoll());
        List<SipHandler> chain = new ArrayList<>(List.of(
                new RequestValidator(server.endpoint().malformedInput(), policies.maxBodyBytes(),
                        server.endpoint().tlsAddress().isPresent()),
                new UntrustedAssertions(server.endpoint()::tlsPeerOf, server.identityRefusals()),
                new RoutePreprocessor(server.self()),
                new OptionsToSelf(server.self()::isSelf, AgentChain.ALLOWED),
                new CancelWithoutTransaction()));
        authentication.ifPresent(chain::add);
        chain.addAll(List.of(
                new RegistrarHandler(served::location, policies.registrations(), server.wall(), delivery::registered),
                presence.publishHandler(),
                presence.subscribeHandler()));
        this.handlers = List.copyOf(chain);
    }

    List<SipHandler> handlers() {
        return handlers;
    }

    /** Where messages for offline users of the domains served here are kept. */
    OfflineMailboxes mailboxes() {
        return mailboxes;
    }

    PresenceAgent presence() {
        return presence;
    }

    @Override
    public void close() {
        presence.close();
    }
}
