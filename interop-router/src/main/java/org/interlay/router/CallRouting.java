package org.interlay.router;

import java.util.List;
import java.util.function.Consumer;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Response;
import org.interlay.router.proxy.DialogReroute;
import org.interlay.router.proxy.DialogRouter;
import org.interlay.router.proxy.InviteContexts;
import org.interlay.router.proxy.InviteProxy;
import org.interlay.router.proxy.RecordRoute;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.proxy.TargetFinder;
import org.interlay.router.sip.ProviderBranches;
import org.interlay.router.sip.SipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers that carry calls through an agent or a router: requests inside a dialog routed along
 * its route set ({@link DialogRouter}), then new INVITEs and every CANCEL ({@link InviteProxy}).
 * Both are transaction-stateful whatever the relay mode of the element.
 */
final class CallRouting {
    private static final Logger log = LoggerFactory.getLogger(CallRouting.class);

    private CallRouting() {
    }

    /**
     * @param finders       where new INVITEs go, asked in order (local users first, then other domains)
     * @param rerouteThrough the finder of routers for other domains, through which a request of a call
     *                       whose router died is sent again; null where there is none (a router)
     */
    static List<SipHandler> handlers(SipServer server, AgentPolicies policies, List<TargetFinder> finders,
                                     TargetFinder rerouteThrough) {
        SipProvider provider = server.endpoint().provider();
        InviteProxy.Parts parts = new InviteProxy.Parts(server.copies(), server.loopGuard(), new RecordRoute(server.self()),
                new ProviderBranches(provider), statelessUpstream(provider), new InviteContexts(server.timers()), server.timers(),
                policies.ringTimeout());
        StatefulRelay relay = new StatefulRelay(server.sender(), server.copies(), server.timers());
        DialogReroute reroute = rerouteThrough == null ? null
                : new DialogReroute(rerouteThrough, relay, policies.failover(), server.timers());
        return List.of(new DialogRouter(parts, server.self(), server.sender(), relay, reroute),
                new InviteProxy(finders, parts));
    }

    private static Consumer<Response> statelessUpstream(SipProvider provider) {
        return response -> {
            try {
                provider.sendResponse(response);
            } catch (SipException | RuntimeException e) {
                log.debug("cannot relay {} upstream: {}", response.getStatusCode(), e.toString());
            }
        };
    }
}
