package org.interlay.router.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.RecordFormatException;
import org.interlay.router.sip.BranchSender;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction-stateful INVITE proxy (RFC 3261 section 16): takes an INVITE that one of its
 * finders claims (a local user's contacts, the router towards another domain), answers 100 Trying at
 * once, and forwards it to every target, Record-Routing, as an {@link InviteForwarding}. Takes every
 * CANCEL: one for an INVITE under way here gets 200 and cancels its branches (section 16.10); one for
 * nothing known here gets 481.
 */
public final class InviteProxy implements SipHandler {
    private static final Logger log = LoggerFactory.getLogger(InviteProxy.class);
    private static final int OVERLAY_RETRY_AFTER_SECONDS = 5;

    /** What the proxy is made of, shared with the {@link DialogRouter} of the same element. */
    public record Parts(ForwardedRequests copies, LoopGuard guard, RecordRoute recordRoute, BranchSender sender,
                       Consumer<Response> statelessUpstream, InviteContexts contexts, Scheduler timers,
                       Duration ringTimeout) {
    }

    private final List<TargetFinder> finders;
    private final Parts parts;

    /** @param finders asked in order; the first that claims the INVITE routes it */
    public InviteProxy(List<TargetFinder> finders, Parts parts) {
        this.finders = List.copyOf(finders);
        this.parts = parts;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (request.getMethod().equals(Request.CANCEL)) {
            cancel(exchange);
            return true;
        }
        if (!request.getMethod().equals(Request.INVITE)) return false;
        Optional<TargetFinder> finder = finders.stream().filter(f -> f.claims(request)).findFirst();
        if (finder.isEmpty()) return false;
        int refusal = parts.guard().refusal(request);
        if (refusal != 0) {
            exchange.respond(refusal);
            return true;
        }
        InviteForwarding forwarding = begin(exchange, parts);
        if (forwarding == null) return true;
        finder.get().find(request, Set.of()).whenComplete((routing, error) -> {
            if (error != null) {
                forwarding.refuse(refusalForError(exchange, error));
            } else if (routing instanceof Routing.Refuse refuse) {
                forwarding.refuse(refusal(exchange, refuse));
            } else {
                List<Request> copies = new ArrayList<>();
                List<Target> targets = ((Routing.Forward) routing).targets();
                for (int i = 0; i < targets.size(); i++) {
                    Request copy = parts.copies().copyFor(request, targets.get(i), i);
                    parts.recordRoute().addTo(copy, request);
                    copies.add(copy);
                }
                forwarding.start(copies);
            }
        });
        return true;
    }

    /**
     * Enters the INVITE's server transaction, answers 100 Trying and registers the forwarding for
     * CANCELs; null for a retransmission (the transaction or the recent INVITEs already have it).
     */
    static InviteForwarding begin(ServerExchange exchange, Parts parts) {
        if (parts.contexts().find(exchange.request()).isPresent()) return null; // a retransmission (see InviteContexts)
        if (!exchange.enterTransaction()) return null;
        exchange.respond(Response.TRYING);
        Request request = exchange.request();
        InviteForwarding[] self = new InviteForwarding[1];
        InviteForwarding forwarding = new InviteForwarding(exchange, parts.sender(), parts.statelessUpstream(),
                parts.timers(), parts.ringTimeout(), () -> parts.contexts().ended(request, self[0]));
        self[0] = forwarding;
        parts.contexts().add(request, forwarding);
        return forwarding;
    }

    private void cancel(ServerExchange exchange) {
        Optional<InviteForwarding> forwarding = parts.contexts().find(exchange.request());
        if (!exchange.enterTransaction()) return;
        if (forwarding.isEmpty()) {
            exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        exchange.respond(Response.OK);
        forwarding.get().cancel();
    }

    private static Response refusal(ServerExchange exchange, Routing.Refuse refuse) {
        Response response = exchange.response(refuse.status());
        try {
            response.setReasonPhrase(refuse.reason());
            if (refuse.retryAfterSeconds() > 0) {
                response.setHeader(SipFactories.get().headers().createRetryAfterHeader(refuse.retryAfterSeconds()));
            }
        } catch (java.text.ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("bad refusal " + refuse, e);
        }
        return response;
    }

    private static Response refusalForError(ServerExchange exchange, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RecordFormatException) {
            log.info("unreadable record while routing {}: {}", exchange.request().getRequestURI(), cause.getMessage());
            return refusal(exchange, new Routing.Refuse(Response.SERVER_INTERNAL_ERROR, "Unreadable location record"));
        }
        log.debug("overlay unreachable while routing {}: {}", exchange.request().getRequestURI(), cause.toString());
        return refusal(exchange, new Routing.Refuse(Response.SERVICE_UNAVAILABLE, "Overlay unreachable",
                OVERLAY_RETRY_AFTER_SECONDS));
    }
}
