package org.interlay.router.sip;

import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's listener: requests go to the request handler as {@link ServerExchange}s; responses
 * and timeouts of client transactions complete what {@link TransactionSender} started (every
 * response, provisional too, goes to a proxy's branches started by {@link ProviderBranches});
 * responses that match no transaction (those a stateless relay forwarded) go to the stray handler.
 * A handler that throws is a bug of ours: it is logged and the request answered 500.
 */
public final class SipDispatcher implements SipListener {
    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

    private final Consumer<ServerExchange> requests;
    private final Consumer<Response> strayResponses;

    public SipDispatcher(Consumer<ServerExchange> requests, Consumer<Response> strayResponses) {
        this.requests = requests;
        this.strayResponses = strayResponses;
    }

    @Override
    public void processRequest(RequestEvent event) {
        ServerExchange exchange = new InboundExchange((SipProvider) event.getSource(), event.getRequest(),
                event.getServerTransaction());
        try {
            requests.accept(exchange);
        } catch (RuntimeException e) {
            log.warn("handling {} {} failed", event.getRequest().getMethod(), event.getRequest().getRequestURI(), e);
            exchange.respond(Response.SERVER_INTERNAL_ERROR);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            strayResponses.accept(response);
        } else if (transaction.getApplicationData() instanceof BranchListener branch) {
            branch.onResponse(response);
        } else if (transaction.getApplicationData() instanceof TransactionSender.PendingRequest pending) {
            if (response.getStatusCode() >= 200) {
                pending.finalResponse(response);
            } else {
                pending.provisionalResponse(response);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof BranchListener branch) {
            branch.onTimeout();
            return;
        }
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof TransactionSender.PendingRequest pending) {
            pending.timedOut(event.getClientTransaction().getRequest());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions end on their own timers; nothing is kept per transaction outside the stack
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // dialogs are not used: the stack runs with automatic dialog support off
    }
}
