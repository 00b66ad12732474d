package org.interlay.router.proxy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The INVITEs being forwarded here, by the key a CANCEL shares with its INVITE (RFC 3261 section
 * 9.2: the top Via's branch and sent-by), so a CANCEL from upstream finds what to cancel. An entry
 * leaves when its INVITE has its final answer and no branch is left.
 */
public final class InviteContexts {
    private final Map<String, InviteForwarding> byKey = new ConcurrentHashMap<>();

    void add(Request invite, InviteForwarding forwarding) {
        byKey.put(key(invite), forwarding);
    }

    void remove(Request invite, InviteForwarding forwarding) {
        byKey.remove(key(invite), forwarding);
    }

    /** The INVITE forwarding that {@code cancel} is for, if it is still under way. */
    Optional<InviteForwarding> find(Request cancel) {
        return Optional.ofNullable(byKey.get(key(cancel)));
    }

    /** INVITEs under way. */
    public int size() {
        return byKey.size();
    }

    private static String key(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via == null) return "";
        return via.getBranch() + "|" + via.getHost() + ":" + via.getPort();
    }
}
