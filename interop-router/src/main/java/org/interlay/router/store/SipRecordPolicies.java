package org.interlay.router.store;

import org.interlay.overlay.secure.AccessPolicy;
import org.interlay.overlay.secure.RecordPolicies;
import org.interlay.router.bridge.BridgeCodec;
import org.interlay.router.location.BindingCodec;
import org.interlay.router.offline.MailboxIndexCodec;
import org.interlay.router.offline.StoredMessageCodec;
import org.interlay.router.presence.PublicationCodec;
import org.interlay.trust.Aor;
import org.interlay.trust.Role;

/**
 * Who may write the SIP kinds in a secure overlay (RFC 6940 §7.3; USER-MATCH as RELOAD's SIP usage,
 * RFC 7904, applies it to bindings):
 * <ul>
 *   <li>{@code sip-binding} ({@code sip:alice@chord.lab}) and {@code sip-presence}
 *       ({@code presence:sip:alice@chord.lab}): that user, or an agent of the user's domain writing for it;</li>
 *   <li>{@code sip-bridge}: routers only;</li>
 *   <li>{@code sip-offline-index} and {@code sip-offline-message} ({@code offline:sip:alice@chord.lab...}):
 *       the agent of the addressee's domain, which keeps the mailbox, or a router (which keeps a message
 *       that crossed it for a user of the overlay it stands in, as an agent would).</li>
 * </ul>
 */
public final class SipRecordPolicies {
    public static final RecordPolicies TABLE = RecordPolicies.NONE
            .with(BindingCodec.KIND, AccessPolicy.userMatch(Aor::tryParse))
            .with(PublicationCodec.KIND, AccessPolicy.userMatch(name -> Aor.tryParse(after(name, "presence:"))))
            .with(BridgeCodec.KIND, AccessPolicy.role(Role.ROUTER))
            .with(MailboxIndexCodec.KIND, AccessPolicy.domainAgent(name -> Aor.tryParse(after(name, "offline:")).map(Aor::domain))
                    .or(AccessPolicy.role(Role.ROUTER)))
            .with(StoredMessageCodec.KIND, AccessPolicy.domainAgent(name -> Aor.tryParse(mailboxOf(name)).map(Aor::domain))
                    .or(AccessPolicy.role(Role.ROUTER)));

    private SipRecordPolicies() {
    }

    private static String after(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : null;
    }

    /** {@code offline:sip:alice@chord.lab#id} or {@code ...#id/k}: the address before the message id. */
    private static String mailboxOf(String name) {
        String rest = after(name, "offline:");
        if (rest == null) return null;
        int hash = rest.indexOf('#');
        return hash < 0 ? null : rest.substring(0, hash);
    }
}
