package org.interlay.router.ua;

import org.interlay.router.presence.PresenceDocument;

/**
 * A NOTIFY received in a presence subscription: whose presence, the document it carried (null when
 * it carried none, as a final NOTIFY may not) and whether the subscription is still active.
 *
 * @param reason why the subscription ended (RFC 6665 reason code); null while active
 */
public record PresenceNotification(String presentity, PresenceDocument document, boolean active, String reason) {}
