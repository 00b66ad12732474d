package org.interlay.shell.session;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.UserAgent;

/**
 * A user the shell acts as: its SIP user agent, the peer's agent it registers with, whether it is
 * registered now, and the presence subscriptions it holds.
 */
final class ShellUser implements AutoCloseable {
    final String aor;
    final UserAgent agent;
    final Map<String, PresenceSubscription> subscriptions = new LinkedHashMap<>();
    /** Whether the user's contact is registered (false after {@code unregister}). */
    volatile boolean registered;
    private CompletableFuture<Void> nextMove = new CompletableFuture<>();

    ShellUser(String aor, UserAgent agent) {
        this.aor = aor;
        this.agent = agent;
    }

    /** The peer's agent it registers with now: the one it started with, or the one it last moved to. */
    InetSocketAddress registrar() {
        return agent.outboundProxy();
    }

    /** Completes when the user has moved to another peer (and registered there, if it was registered). */
    synchronized CompletableFuture<Void> nextMove() {
        return nextMove;
    }

    synchronized void moved() {
        nextMove.complete(null);
        nextMove = new CompletableFuture<>();
    }

    @Override
    public void close() {
        subscriptions.values().forEach(PresenceSubscription::close);
        subscriptions.clear();
        agent.close();
    }
}
