package org.interlay.shell.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.UserAgent;

/** A user the shell acts as: its SIP user agent and the presence subscriptions it holds. */
final class ShellUser implements AutoCloseable {
    final String aor;
    final UserAgent agent;
    final Map<String, PresenceSubscription> subscriptions = new LinkedHashMap<>();
    /** Whether the user's contact is registered (false after {@code unregister}). */
    volatile boolean registered;

    ShellUser(String aor, UserAgent agent) {
        this.aor = aor;
        this.agent = agent;
    }

    @Override
    public void close() {
        subscriptions.values().forEach(PresenceSubscription::close);
        subscriptions.clear();
        agent.close();
    }
}
