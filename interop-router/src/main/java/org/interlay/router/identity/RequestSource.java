package org.interlay.router.identity;

import gov.nist.javax.sip.message.SIPMessage;
import javax.sip.message.Request;

/** Where a request came from, for logs: the address and port it was read from. */
final class RequestSource {
    private RequestSource() {
    }

    static String of(Request request) {
        if (request instanceof SIPMessage m && m.getRemoteAddress() != null) {
            return m.getRemoteAddress().getHostAddress() + ":" + m.getRemotePort();
        }
        return "unknown";
    }
}
