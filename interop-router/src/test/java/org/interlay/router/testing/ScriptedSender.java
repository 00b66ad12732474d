package org.interlay.router.testing;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTimeoutException;

/**
 * A {@link RequestSender} with no network: each request is answered as the test scripted for the hop
 * it goes to (its first Route, else its Request-URI): a status, a timeout, or never. Every request
 * sent is kept.
 */
public final class ScriptedSender implements RequestSender {
    private final Map<String, Function<Request, CompletableFuture<Response>>> script = new ConcurrentHashMap<>();
    private final List<Request> sent = new CopyOnWriteArrayList<>();

    public ScriptedSender answer(String requestUri, int status) {
        script.put(requestUri, r -> CompletableFuture.completedFuture(response(r, status)));
        return this;
    }

    public ScriptedSender timeOut(String requestUri) {
        script.put(requestUri, r -> CompletableFuture.failedFuture(new SipTimeoutException("scripted timeout")));
        return this;
    }

    /** Answers {@code requestUri} only when the test completes the returned future. */
    public CompletableFuture<Integer> later(String requestUri) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        script.put(requestUri, r -> status.thenApply(s -> response(r, s)));
        return status;
    }

    public List<Request> sent() {
        return List.copyOf(sent);
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        sent.add(request);
        Function<Request, CompletableFuture<Response>> answer = script.get(hop(request));
        return answer == null ? new CompletableFuture<>() : answer.apply(request);
    }

    @Override
    public void sendStateless(Request request) {
        sent.add(request);
    }

    private static String hop(Request r) {
        javax.sip.header.RouteHeader route = (javax.sip.header.RouteHeader) r.getHeader(javax.sip.header.RouteHeader.NAME);
        if (route == null) return r.getRequestURI().toString();
        javax.sip.address.SipURI uri = (javax.sip.address.SipURI) route.getAddress().getURI();
        return "sip:" + uri.getHost() + ":" + uri.getPort();
    }

    private static Response response(Request r, int status) {
        try {
            return SipFactories.get().messages().createResponse(status, r);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
