package org.interlay.router.ua;

import java.util.Map;
import java.util.function.Consumer;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;

/**
 * What a user agent answers as a server: a MESSAGE with 200 (handing it to the application), a NOTIFY
 * of one of its subscriptions with what the subscription says (481 when it has none of that dialog).
 */
final class UserAgentRequests implements SipHandler {
    private final Map<String, PresenceSubscription> subscriptionsByCallId;
    private final Consumer<IncomingMessage> messages;

    UserAgentRequests(Map<String, PresenceSubscription> subscriptionsByCallId, Consumer<IncomingMessage> messages) {
        this.subscriptionsByCallId = subscriptionsByCallId;
        this.messages = messages;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        switch (request.getMethod()) {
            case Request.MESSAGE -> {
                if (!exchange.enterTransaction()) return true;
                exchange.respond(Response.OK);
                ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
                byte[] body = request.getRawContent();
                messages.accept(new IncomingMessage(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString(),
                        ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString(),
                        type == null ? "text/plain" : type.getContentType() + "/" + type.getContentSubType(),
                        body == null ? new byte[0] : body, ViaPath.of(request)));
                return true;
            }
            case Request.NOTIFY -> {
                if (!exchange.enterTransaction()) return true;
                PresenceSubscription s = subscriptionsByCallId.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
                exchange.respond(s == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : s.notified(request));
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
