package org.interlay.router.proxy;

import java.util.function.Consumer;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ViaHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends back responses to requests a {@link StatelessRelay} forwarded: checks the top Via is this
 * element's, removes it and sends the response to the next Via (RFC 3261 section 16.11). A response
 * whose top Via is not ours is dropped.
 */
public final class StatelessResponses implements Consumer<Response> {
    private static final Logger log = LoggerFactory.getLogger(StatelessResponses.class);

    private final SelfAddress self;
    private final SipProvider provider;

    public StatelessResponses(SelfAddress self, SipProvider provider) {
        this.self = self;
        this.provider = provider;
    }

    @Override
    public void accept(Response response) {
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top == null || !self.isSelf(top)) {
            log.debug("dropping a {} response not sent through here", response.getStatusCode());
            return;
        }
        response.removeFirst(ViaHeader.NAME); // the response is this relay's to pass on: no copy needed
        if (response.getHeader(ViaHeader.NAME) == null) return; // it was for a request this element originated
        try {
            provider.sendResponse(response);
        } catch (SipException | RuntimeException e) {
            log.debug("cannot relay {} upstream: {}", response.getStatusCode(), e.toString());
        }
    }
}
