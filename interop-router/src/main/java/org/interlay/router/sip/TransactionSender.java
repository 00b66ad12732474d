package org.interlay.router.sip;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RequestSender} on a JAIN-SIP provider; final responses and timeouts come back through
 * {@link SipDispatcher}. Each request goes out on the transport {@link OutboundTransport} chooses; one
 * that went to TCP only for its size and whose connection is refused is sent again over UDP, with a
 * new branch (RFC 3261 section 18.1.1: the element SHOULD retry over UDP).
 */
public final class TransactionSender implements RequestSender {
    private static final Logger log = LoggerFactory.getLogger(TransactionSender.class);
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
        OutboundTransport.Choice choice = OutboundTransport.apply(request, provider);
        try {
            sendInTransaction(request, result, provisional);
        } catch (SipException | RuntimeException e) {
            // the failed transaction holds the request: the retry goes in a copy
            Request overUdp = (Request) request.clone();
            if (!choice.forSize() || !retryOverUdp(overUdp, e)) {
                result.completeExceptionally(failure(request, e));
                return result;
            }
            try {
                sendInTransaction(overUdp, result, provisional);
            } catch (SipException | RuntimeException again) {
                result.completeExceptionally(failure(overUdp, again));
            }
        }
        return result;
    }

    private void sendInTransaction(Request request, CompletableFuture<Response> result, Consumer<Response> provisional)
            throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.setApplicationData(new PendingRequest(result, provisional));
        transaction.sendRequest();
    }

    @Override
    public void sendStateless(Request request) throws SipTransportException {
        OutboundTransport.Choice choice = OutboundTransport.apply(request, provider);
        try {
            provider.sendRequest(request);
        } catch (SipException | RuntimeException e) {
            if (!choice.forSize() || !retryOverUdp(request, e)) throw failure(request, e);
            try {
                provider.sendRequest(request);
            } catch (SipException | RuntimeException again) {
                throw failure(request, again);
            }
        }
    }

    /** Turns a request that could not go over TCP back to UDP, with a branch of its own; false if it cannot be. */
    private static boolean retryOverUdp(Request request, Exception tcpFailure) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via == null || via.getBranch() == null) return false;
        log.debug("{} of {} bytes could not go over TCP to {}, sending it over UDP: {}", request.getMethod(),
                request.toString().length(), request.getRequestURI(), tcpFailure.toString());
        try {
            via.setBranch(via.getBranch() + ".u");
        } catch (java.text.ParseException e) {
            return false;
        }
        OutboundTransport.setViaTransport(request, "udp");
        return true;
    }

    private static SipTransportException failure(Request request, Exception e) {
        return new SipTransportException("cannot send " + request.getMethod() + " to " + request.getRequestURI(), e);
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
