package org.interlay.router.sip;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** {@link RequestSender} on a JAIN-SIP provider; final responses and timeouts come back through {@link SipDispatcher}. */
public final class TransactionSender implements RequestSender {
    private final SipProvider provider;

    public TransactionSender(SipProvider provider) {
        this.provider = provider;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        return send(request, provisional -> { });
    }

    /** Sends {@code request} in a client transaction; each provisional response (1xx) goes to {@code provisional}. */
    public CompletableFuture<Response> send(Request request, Consumer<Response> provisional) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        try {
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            transaction.setApplicationData(new PendingRequest(result, provisional));
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            result.completeExceptionally(new SipTransportException("cannot send " + request.getMethod()
                    + " to " + request.getRequestURI(), e));
        }
        return result;
    }

    @Override
    public void sendStateless(Request request) throws SipTransportException {
        try {
            provider.sendRequest(request);
        } catch (SipException | RuntimeException e) {
            throw new SipTransportException("cannot send " + request.getMethod() + " to " + request.getRequestURI(), e);
        }
    }

    /** What a client transaction waits for, kept as its application data. */
    record PendingRequest(CompletableFuture<Response> result, Consumer<Response> provisional) {
        void provisionalResponse(Response response) {
            provisional.accept(response);
        }

        void finalResponse(Response response) {
            result.complete(response);
        }

        void timedOut(Request request) {
            result.completeExceptionally(new SipTimeoutException("no final response to " + request.getMethod()
                    + " sent to " + request.getRequestURI()));
        }
    }
}
