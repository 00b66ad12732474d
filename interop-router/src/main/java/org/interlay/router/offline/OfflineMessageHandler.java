package org.interlay.router.offline;

import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.LocationService;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a MESSAGE for a user of a domain served here who is known but offline, and answers 202: known
 * means the overlay holds the user's binding record (it outlives the last contact by the binding
 * memory, an hour by default), offline that none of its contacts is live. Every other MESSAGE to a
 * user served here goes on to {@code proxy} (the proxy to registered contacts), which forwards it, or
 * answers 404 for a user never seen or forgotten. A message that cannot be kept (the overlay fails,
 * or it is too large for one record) goes to the proxy too, which answers 480 as it would have.
 * Answers are sent without a server transaction: a retransmission is stored again under the same
 * name, which changes nothing, and gets 202 again.
 */
public final class OfflineMessageHandler implements SipHandler {
    private static final Logger log = LoggerFactory.getLogger(OfflineMessageHandler.class);
    static final String REASON = "Accepted: stored until the user registers";

    private final Function<String, Optional<LocationService>> locations;
    private final Function<String, Optional<OfflineMailbox>> mailboxes;
    private final SipHandler proxy;
    private final InstantSource clock;

    public OfflineMessageHandler(Function<String, Optional<LocationService>> locations,
                                 Function<String, Optional<OfflineMailbox>> mailboxes, SipHandler proxy, InstantSource clock) {
        this.locations = locations;
        this.mailboxes = mailboxes;
        this.proxy = proxy;
        this.clock = clock;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!request.getMethod().equals(Request.MESSAGE)) return false;
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() == 0) return false;
        Optional<AddressOfRecord> aor = AddressOfRecord.of(request.getRequestURI());
        if (aor.isEmpty()) return false;
        Optional<LocationService> location = locations.apply(aor.get().domain());
        Optional<OfflineMailbox> mailbox = mailboxes.apply(aor.get().domain());
        if (location.isEmpty() || mailbox.isEmpty()) return false;
        location.get().find(aor.get()).whenComplete((found, error) -> {
            boolean offline = error == null && found.isPresent() && found.get().live(clock.instant()).isEmpty();
            if (!offline) {
                passOn(exchange);
                return;
            }
            StoredMessage message = read(request);
            if (message == null || !OfflineMailbox.fits(message)) {
                passOn(exchange);
                return;
            }
            mailbox.get().store(aor.get(), message).whenComplete((v, failure) -> {
                if (failure != null) {
                    log.debug("cannot keep a MESSAGE for {}: {}", aor.get(), failure.toString());
                    passOn(exchange);
                } else {
                    exchange.respond(Response.ACCEPTED, REASON);
                }
            });
        });
        return true;
    }

    private void passOn(ServerExchange exchange) {
        try {
            if (!proxy.handle(exchange)) exchange.respond(Response.TEMPORARILY_UNAVAILABLE);
        } catch (RuntimeException e) {
            log.warn("proxying a MESSAGE to {} failed", exchange.request().getRequestURI(), e);
        }
    }

    /** The message as kept, or null when the request lacks what a MESSAGE must carry. */
    private StoredMessage read(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (from == null || to == null || callId == null || cseq == null) return null;
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        String tag = from.getTag() == null ? "" : from.getTag();
        try {
            return new StoredMessage(MessageIds.of(tag, callId.getCallId(), cseq.getSeqNumber()), clock.instant(),
                    valueOf(from), valueOf(to), callId.getCallId(), cseq.getSeqNumber(),
                    valueOf((ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME)),
                    valueOf((DateHeader) request.getHeader(DateHeader.NAME)), body);
        } catch (IllegalArgumentException e) {
            log.debug("cannot keep a MESSAGE to {}: {}", request.getRequestURI(), e.getMessage());
            return null;
        }
    }

    /** A header's value as it would be written after its name; empty for a missing header. */
    static String valueOf(Header header) {
        if (header == null) return "";
        String text = header.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? "" : text.substring(colon + 1).trim();
    }
}
