package org.interlay.router.offline;

import java.text.ParseException;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.InvalidArgumentException;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the messages kept for a user when the user registers a contact through this agent: in the
 * order they were stored, one at a time, each as a MESSAGE from its original sender (From, To,
 * Call-ID, CSeq, Content-Type and body as received; the Date it was sent with, or the time it was
 * stored when it had none), sent straight to the contact just registered. A message is removed once
 * the contact has answered it with 2xx, and only then does the next go. A contact that answers 408,
 * 480, 486, 491 or 5xx, or does not answer, ends the delivery: the rest wait for the next
 * registration. Any other final answer refuses that message, which is removed (counted) and the next
 * goes. A delivery cut short (this agent or its overlay peer dying between the 2xx and the removal)
 * leaves the message to be delivered again: delivery is at least once, and a recipient can tell a
 * second copy by its Call-ID and CSeq. Once the list read at the start is through, the index is read
 * again for messages stored meanwhile (by an agent that still took the user for offline). One
 * delivery per user at a time through this agent.
 */
public final class OfflineDelivery {
    private static final Logger log = LoggerFactory.getLogger(OfflineDelivery.class);
    private static final Set<Integer> TRY_LATER = Set.of(Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE,
            Response.BUSY_HERE, 491);

    private final Function<String, Optional<OfflineMailbox>> mailboxes;
    private final RequestSender sender;
    private final SelfAddress self;
    private final OfflineCounts counts;
    private final Set<AddressOfRecord> delivering = ConcurrentHashMap.newKeySet();

    public OfflineDelivery(Function<String, Optional<OfflineMailbox>> mailboxes, RequestSender sender, SelfAddress self,
                           OfflineCounts counts) {
        this.mailboxes = mailboxes;
        this.sender = sender;
        this.self = self;
        this.counts = counts;
    }

    /**
     * {@code aor} has just registered {@code contact}: delivers what waits for it. The future completes
     * when the delivery has ended, however it ended.
     */
    public CompletableFuture<Void> registered(AddressOfRecord aor, URI contact) {
        Optional<OfflineMailbox> mailbox = mailboxes.apply(aor.domain());
        if (mailbox.isEmpty() || !delivering.add(aor)) return CompletableFuture.completedFuture(null);
        return deliverWaiting(mailbox.get(), aor, contact, new HashSet<>())
                .handle((v, error) -> {
                    delivering.remove(aor);
                    if (error != null) log.debug("delivery to {} stopped: {}", aor, error.toString());
                    return null;
                });
    }

    /**
     * Delivers what the index lists now, then reads it again for messages stored meanwhile (the index
     * is read again until it lists none not tried yet; {@code tried} bounds that by the messages seen).
     */
    private CompletableFuture<Void> deliverWaiting(OfflineMailbox mailbox, AddressOfRecord aor, URI contact, Set<String> tried) {
        return mailbox.waiting(aor).thenCompose(all -> {
            List<MailboxIndex.Entry> fresh = all.stream().filter(e -> !tried.contains(e.id())).toList();
            if (fresh.isEmpty()) return CompletableFuture.completedFuture(null);
            fresh.forEach(e -> tried.add(e.id()));
            return deliver(mailbox, aor, contact, fresh, 0).thenCompose(allGone -> allGone
                    ? deliverWaiting(mailbox, aor, contact, tried) : CompletableFuture.completedFuture(null));
        });
    }

    /** Delivers {@code waiting} from {@code next} on; true when every one was answered (none left for later). */
    private CompletableFuture<Boolean> deliver(OfflineMailbox mailbox, AddressOfRecord aor, URI contact,
                                               List<MailboxIndex.Entry> waiting, int next) {
        if (next == waiting.size()) return CompletableFuture.completedFuture(true);
        MailboxIndex.Entry entry = waiting.get(next);
        return mailbox.message(aor, entry).thenCompose(found -> {
            if (found.isEmpty()) {
                return mailbox.unlist(aor, entry.id()).thenCompose(v -> deliver(mailbox, aor, contact, waiting, next + 1));
            }
            Request request;
            try {
                request = build(found.get(), contact);
            } catch (ParseException | InvalidArgumentException e) {
                log.info("a stored message for {} cannot be sent again ({}); removing it", aor, e.getMessage());
                counts.refused();
                return mailbox.remove(aor, entry).thenCompose(v -> deliver(mailbox, aor, contact, waiting, next + 1));
            }
            return sender.send(request).thenCompose(response -> {
                int status = response.getStatusCode();
                if (status / 100 == 2) {
                    counts.delivered();
                    return mailbox.remove(aor, entry).thenCompose(v -> deliver(mailbox, aor, contact, waiting, next + 1));
                }
                if (status < 300 || TRY_LATER.contains(status) || status / 100 == 5) {
                    log.debug("{} answered a stored message with {}; the rest wait", aor, status);
                    return CompletableFuture.completedFuture(false);
                }
                counts.refused();
                return mailbox.remove(aor, entry).thenCompose(v -> deliver(mailbox, aor, contact, waiting, next + 1));
            });
        });
    }

    private Request build(StoredMessage m, URI contact) throws ParseException, InvalidArgumentException {
        HeaderFactory h = SipFactories.get().headers();
        List<ViaHeader> via = List.of(h.createViaHeader(self.host(), self.port(), "udp", Tags.randomBranch()));
        Request request = SipFactories.get().messages().createRequest((URI) contact.clone(), Request.MESSAGE,
                (CallIdHeader) h.createHeader(CallIdHeader.NAME, m.callId()),
                h.createCSeqHeader(m.cseq(), Request.MESSAGE),
                (FromHeader) h.createHeader(FromHeader.NAME, m.from()), (ToHeader) h.createHeader(ToHeader.NAME, m.to()),
                via, h.createMaxForwardsHeader(70));
        if (m.date().isEmpty()) {
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(m.storedAt().toEpochMilli());
            request.setHeader(h.createDateHeader(date));
        } else {
            request.setHeader(h.createHeader("Date", m.date()));
        }
        if (m.body().length > 0 || !m.contentType().isEmpty()) {
            ContentTypeHeader type = (ContentTypeHeader) h.createHeader(ContentTypeHeader.NAME,
                    m.contentType().isEmpty() ? "text/plain" : m.contentType());
            request.setContent(m.body(), type);
        }
        return request;
    }
}
