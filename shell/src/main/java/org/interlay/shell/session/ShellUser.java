package org.interlay.shell.session;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.UserAgent;

/**
 * A user the shell acts as: its SIP user agent, the peer's agent it registers with, whether it is
 * registered now, and the presence subscriptions it holds.
 */
final class ShellUser implements AutoCloseable {
    final String aor;
    final UserAgent agent;
    final InetSocketAddress registrar;
    final Map<String, PresenceSubscription> subscriptions = new LinkedHashMap<>();
    volatile boolean registered;

    ShellUser(String aor, UserAgent agent, InetSocketAddress registrar) {
        this.aor = aor;
        this.agent = agent;
        this.registrar = registrar;
    }

    @Override
    public void close() {
        subscriptions.values().forEach(PresenceSubscription::close);
        subscriptions.clear();
        agent.close();
    }
}
