package org.interlay.router.ua;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.Tags;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * Checks that a user agent's outbound proxy (the peer it registered with) still answers: an OPTIONS
 * to it every {@link #EVERY}; when one has no answer within {@link #PATIENCE}, the listener is told
 * once, and not again until the user agent has moved to another proxy and that one stops answering.
 */
final class ProxyWatch implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration PATIENCE = Duration.ofMillis(1500);

    private final UacRequests requests;
    private final RequestSender sender;
    private final Scheduler timers;
    private final Consumer<SipURI> lost;
    private Timer next;
    private SipURI toldLost;
    private boolean closed;

    /** @param lost told the proxy that stopped answering */
    ProxyWatch(UacRequests requests, RequestSender sender, Scheduler timers, Consumer<SipURI> lost) {
        this.requests = requests;
        this.sender = sender;
        this.timers = timers;
        this.lost = lost;
    }

    synchronized void start() {
        next = timers.schedule(EVERY.toMillis(), this::probe);
    }

    private void probe() {
        SipURI proxy = requests.proxy();
        Request options = requests.outOfDialog(Request.OPTIONS, proxyTarget(proxy), requests.ownAddress(),
                Tags.random() + "-probe", 1, Tags.random());
        CompletableFuture<Response> answer = sender.send(options);
        timers.schedule(PATIENCE.toMillis(), () -> {
            boolean tell;
            synchronized (this) {
                if (closed) return;
                boolean answered = answer.isDone() && !answer.isCompletedExceptionally();
                tell = !answered && !proxy.equals(toldLost) && proxy.equals(requests.proxy());
                if (tell) toldLost = proxy;
                if (answered && proxy.equals(toldLost)) toldLost = null;
                next = timers.schedule(Math.max(0, EVERY.minus(PATIENCE).toMillis()), this::probe);
            }
            if (tell) lost.accept(proxy);
        });
    }

    private static SipURI proxyTarget(SipURI proxy) {
        SipURI target = (SipURI) proxy.clone();
        target.removeParameter("lr");
        return target;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) next.cancel();
    }
}
