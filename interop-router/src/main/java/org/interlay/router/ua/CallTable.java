package org.interlay.router.ua;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.media.AudioOffer;
import org.interlay.router.media.MediaRefusedException;
import org.interlay.router.media.RtpStream;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipTransportException;
import org.interlay.router.sip.Tags;
import org.interlay.time.Scheduler;

/**
 * The calls of one user agent, as caller and as callee (RFC 3261 sections 12 to 15, offer and answer
 * as RFC 3264 says): INVITE with an audio offer through the outbound proxy, ACK for a 2xx straight
 * along the dialog's route set (and again for each retransmitted 2xx), CANCEL while it rings, BYE
 * either way. An incoming INVITE rings until it is answered, declined, cancelled by the caller, or
 * {@link #RING_MILLIS} pass (480). A 2xx this side sent is retransmitted (T1 doubling up to T2) until
 * its ACK comes, for at most 64 T1, after which the call is hung up. A second 2xx from another fork
 * of the same INVITE is acknowledged and hung up at once.
 */
final class CallTable implements SipHandler {
    static final long RING_MILLIS = 60_000;
    static final long T1 = 500;
    static final long T2 = 4_000;
    static final int MAX_ENDED_KEPT = 50;

    private final UacRequests requests;
    private final AuthenticatingSender sender;
    private final Consumer<Response> statelessResponses;
    private final Scheduler timers;
    private final Random random;
    private final DropLog mediaDrops;
    private final InetAddress mediaAddress;
    private final HeaderFactory headers = SipFactories.get().headers();
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private volatile Consumer<Call> listener = c -> { };

    /**
     * @param statelessResponses sends a response outside any transaction (the retransmitted 2xx)
     * @param mediaAddress       where this user agent's RTP ports are opened: its own SIP address
     */
    CallTable(UacRequests requests, AuthenticatingSender sender, Consumer<Response> statelessResponses, Scheduler timers,
              Random random, DropLog mediaDrops, InetAddress mediaAddress) {
        this.requests = requests;
        this.sender = sender;
        this.statelessResponses = statelessResponses;
        this.timers = timers;
        this.random = random;
        this.mediaDrops = mediaDrops;
        this.mediaAddress = mediaAddress;
    }

    /** Told of every change of every call (ringing, established, ended), on the user agent's scheduler. */
    void onChange(Consumer<Call> l) {
        listener = l;
    }

    synchronized List<Call> all() {
        return List.copyOf(calls.values());
    }

    // ---- as caller

    Call dial(String to) throws IOException {
        Address target = requests.parse(to);
        RtpStream media = RtpStream.open(mediaAddress, timers, random, mediaDrops);
        String callId = Tags.random() + "-call";
        String fromTag = Tags.random();
        Request invite = requests.outOfDialog(Request.INVITE, target.getURI(), target, callId, 1, fromTag);
        setSdp(invite, media);
        Call call = new Call(callId, Call.Direction.OUTGOING, target.getURI().toString(), media, timers);
        synchronized (this) {
            call.invite = invite;
            call.local = requests.ownAddress();
            call.localTag = fromTag;
            call.remote = target;
            call.localCseq = 1;
            keep(call);
        }
        sender.send(invite, provisional -> provisional(call, provisional), resent -> resent(call, resent))
                .whenComplete((response, error) -> finalResponse(call, response, error));
        return call;
    }

    /** The INVITE went again with credentials: CANCEL and ACK follow that one, BYE counts from its CSeq. */
    private synchronized void resent(Call call, Request invite) {
        call.invite = invite;
        call.localCseq = ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private void provisional(Call call, Response response) {
        int status = response.getStatusCode();
        if (status == Response.TRYING) return;
        synchronized (this) {
            if (call.state() != Call.State.CALLING) return;
            call.ringing();
        }
        changed(call);
    }

    private void finalResponse(Call call, Response response, Throwable error) {
        if (error != null) {
            end(call, call.cancelling ? "cancelled" : "no answer (" + rootMessage(error) + ")");
            return;
        }
        int status = response.getStatusCode();
        if (status >= 300) {
            end(call, call.cancelling && status == Response.REQUEST_TERMINATED ? "cancelled" : status + " " + response.getReasonPhrase());
            return;
        }
        InetSocketAddress far;
        synchronized (this) {
            call.remoteTag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
            ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
            call.remoteTarget = contact != null ? contact.getAddress().getURI() : call.remote.getURI();
            call.routeSet = routeSet(response, true);
            call.ack = inDialog(call, Request.ACK, ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber());
        }
        sendAck(call);
        if (call.cancelling || call.state() == Call.State.ENDED) {
            bye(call);
            end(call, "cancelled, answered at the same time, hung up");
            return;
        }
        try {
            far = AudioOffer.mediaTarget(response.getRawContent());
        } catch (MediaRefusedException e) {
            bye(call);
            end(call, "the answer's media is unusable: " + e.getMessage());
            return;
        }
        synchronized (this) {
            call.farMedia = far;
            call.established(timers.nowMillis());
        }
        call.media.sendTo(far);
        changed(call);
    }

    /** A 2xx that matched no transaction: a retransmission of one already acknowledged, or another fork's. */
    void strayResponse(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        CallIdHeader id = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        if (cseq == null || id == null || !Request.INVITE.equals(cseq.getMethod()) || response.getStatusCode() / 100 != 2) return;
        Call call;
        synchronized (this) {
            call = calls.get(id.getCallId());
        }
        if (call == null || call.direction() != Call.Direction.OUTGOING) return;
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        if (tag != null && tag.equals(call.remoteTag)) {
            sendAck(call);
            return;
        }
        // another fork answered too: acknowledge its dialog and end it at once
        Call fork = new Call(call.callId(), Call.Direction.OUTGOING, call.peer(), call.media, timers);
        synchronized (this) {
            fork.local = call.local;
            fork.localTag = call.localTag;
            fork.remote = call.remote;
            fork.remoteTag = tag;
            ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
            fork.remoteTarget = contact != null ? contact.getAddress().getURI() : call.remote.getURI();
            fork.routeSet = routeSet(response, true);
            fork.localCseq = cseq.getSeqNumber();
            fork.ack = inDialog(fork, Request.ACK, cseq.getSeqNumber());
        }
        sendAck(fork);
        bye(fork);
    }

    private void sendAck(Call call) {
        try {
            sender.sendStateless((Request) call.ack.clone());
        } catch (SipTransportException e) {
            mediaDrops.drop("ACK not sent", call.peer(), e.getMessage());
        }
    }

    // ---- as callee

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        switch (request.getMethod()) {
            case Request.INVITE -> invite(exchange);
            case Request.ACK -> ack(request);
            case Request.CANCEL -> cancel(exchange);
            case Request.BYE -> bye(exchange);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void invite(ServerExchange exchange) {
        Request request = exchange.request();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            reInvite(exchange, callId);
            return;
        }
        if (!exchange.enterTransaction()) return;
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null) {
            exchange.respond(Response.BAD_REQUEST, "Missing Contact");
            return;
        }
        InetSocketAddress far;
        try {
            far = AudioOffer.mediaTarget(request.getRawContent());
        } catch (MediaRefusedException e) {
            exchange.respond(Response.NOT_ACCEPTABLE_HERE, e.getMessage().length() > 60 ? "Not Acceptable Here" : e.getMessage());
            return;
        }
        RtpStream media;
        try {
            media = RtpStream.open(mediaAddress, timers, random, mediaDrops);
        } catch (IOException e) {
            exchange.respond(Response.SERVER_INTERNAL_ERROR, "No media port");
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        Call call = new Call(callId, Call.Direction.INCOMING, from.getAddress().getURI().toString(), media, timers);
        call.path = ViaPath.of(request);
        Response ringing = exchange.response(Response.RINGING);
        ringing.setHeader(headers.createContactHeader(requests.contact()));
        synchronized (this) {
            call.invite = request;
            call.inviteExchange = exchange;
            call.local = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress();
            call.localTag = ((ToHeader) ringing.getHeader(ToHeader.NAME)).getTag();
            call.remote = from.getAddress();
            call.remoteTag = from.getTag();
            call.remoteTarget = contact.getAddress().getURI();
            call.routeSet = routeSet(request, false);
            call.farMedia = far;
            keep(call);
            call.ringTimeout = timers.schedule(RING_MILLIS, () -> unanswered(call));
        }
        exchange.send(ringing);
        changed(call);
    }

    private void reInvite(ServerExchange exchange, String callId) {
        if (!exchange.enterTransaction()) return;
        Call call;
        synchronized (this) {
            call = calls.get(callId);
        }
        if (call == null || call.state() != Call.State.ESTABLISHED) {
            exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        // the session stays as it is: the same description again (RFC 3264 section 8 allows a new
        // offer to be answered with the old media); a changed far address is followed
        try {
            InetSocketAddress far = AudioOffer.mediaTarget(exchange.request().getRawContent());
            call.media.sendTo(far);
        } catch (MediaRefusedException e) {
            exchange.respond(Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        Response ok = exchange.response(Response.OK);
        ok.setHeader(headers.createContactHeader(requests.contact()));
        setSdp(ok, call.media);
        exchange.send(ok);
    }

    /** Answers a ringing incoming call: 200 with this side's audio, retransmitted until the ACK comes. */
    void answer(Call call) {
        Response ok;
        synchronized (this) {
            if (call.direction() != Call.Direction.INCOMING || call.state() != Call.State.RINGING || call.answered) {
                throw new IllegalStateException("the call from " + call.peer() + " is not ringing");
            }
            call.answered = true;
            call.ringTimeout.cancel();
            ok = call.inviteExchange.response(Response.OK);
            ok.setHeader(headers.createContactHeader(requests.contact()));
            setSdp(ok, call.media);
        }
        call.inviteExchange.send(ok);
        call.media.sendTo(call.farMedia);
        retransmitOk(call, ok, T1, 0);
    }

    private void retransmitOk(Call call, Response ok, long interval, long waited) {
        synchronized (this) {
            if (call.state() != Call.State.RINGING) return;
            if (waited >= 64 * T1) {
                call.okRetransmission = null;
            } else {
                call.okRetransmission = timers.schedule(interval, () -> {
                    synchronized (this) {
                        if (call.state() != Call.State.RINGING) return;
                    }
                    statelessResponses.accept((Response) ok.clone());
                    retransmitOk(call, ok, Math.min(2 * interval, T2), waited + interval);
                });
                return;
            }
        }
        bye(call);
        end(call, "no ACK for the answer");
    }

    private void ack(Request request) {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Call call;
        synchronized (this) {
            call = calls.get(callId);
            if (call == null || call.direction() != Call.Direction.INCOMING || !call.answered
                    || call.state() != Call.State.RINGING) {
                return;
            }
            if (call.okRetransmission != null) call.okRetransmission.cancel();
            call.established(timers.nowMillis());
        }
        changed(call);
    }

    private void cancel(ServerExchange exchange) {
        if (!exchange.enterTransaction()) return;
        Request cancel = exchange.request();
        String callId = ((CallIdHeader) cancel.getHeader(CallIdHeader.NAME)).getCallId();
        String branch = ((ViaHeader) cancel.getHeader(ViaHeader.NAME)).getBranch();
        Call call;
        synchronized (this) {
            call = calls.get(callId);
            boolean same = call != null && call.direction() == Call.Direction.INCOMING && branch != null
                    && branch.equals(((ViaHeader) call.invite.getHeader(ViaHeader.NAME)).getBranch());
            if (!same || call.state() != Call.State.RINGING || call.answered) call = null;
            if (call != null) call.ringTimeout.cancel();
        }
        if (call == null) {
            exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        exchange.respond(Response.OK);
        call.inviteExchange.respond(Response.REQUEST_TERMINATED);
        end(call, "cancelled by " + call.peer());
    }

    private void bye(ServerExchange exchange) {
        if (!exchange.enterTransaction()) return;
        Request bye = exchange.request();
        String callId = ((CallIdHeader) bye.getHeader(CallIdHeader.NAME)).getCallId();
        String toTag = ((ToHeader) bye.getHeader(ToHeader.NAME)).getTag();
        String fromTag = ((FromHeader) bye.getHeader(FromHeader.NAME)).getTag();
        Call call;
        synchronized (this) {
            call = calls.get(callId);
            if (call != null && !(call.localTag.equals(toTag) && fromTag != null && fromTag.equals(call.remoteTag))) call = null;
            if (call != null && call.state() == Call.State.ENDED) call = null;
        }
        if (call == null) {
            exchange.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        exchange.respond(Response.OK);
        end(call, "hung up by " + call.peer());
    }

    private void unanswered(Call call) {
        synchronized (this) {
            if (call.state() != Call.State.RINGING || call.answered) return;
        }
        call.inviteExchange.respond(Response.TEMPORARILY_UNAVAILABLE, "Not Answered");
        end(call, "not answered within " + RING_MILLIS / 1000 + " s");
    }

    // ---- either side

    /**
     * Ends {@code call} from this side: CANCEL while an outgoing call rings (it ends when its 487 comes),
     * 603 for an incoming one not answered yet, BYE once answered. The future completes with the
     * outcome of the request sent (the BYE's final response, say).
     */
    CompletableFuture<SipOutcome> hangup(Call call) {
        boolean cancel;
        boolean decline;
        synchronized (this) {
            if (call.state() == Call.State.ENDED) throw new IllegalStateException("the call with " + call.peer() + " has ended");
            cancel = call.direction() == Call.Direction.OUTGOING && call.state() != Call.State.ESTABLISHED;
            decline = call.direction() == Call.Direction.INCOMING && !call.answered;
            if (cancel) call.cancelling = true;
            if (decline) call.ringTimeout.cancel();
            if (!cancel && !decline && call.okRetransmission != null) call.okRetransmission.cancel();
        }
        if (cancel) return Outcomes.unwrap(sender.send(cancelOf(call))).thenApply(Outcomes::of);
        if (decline) {
            call.inviteExchange.respond(Response.DECLINE);
            end(call, "declined");
            return CompletableFuture.completedFuture(new SipOutcome(Response.DECLINE, "Decline"));
        }
        CompletableFuture<SipOutcome> sent = bye(call);
        end(call, "hung up");
        return sent;
    }

    private CompletableFuture<SipOutcome> bye(Call call) {
        Request bye;
        synchronized (this) {
            call.localCseq++;
            bye = inDialog(call, Request.BYE, call.localCseq);
        }
        return Outcomes.unwrap(sender.send(bye)).thenApply(Outcomes::of);
    }

    /** Ends every call at once (the user agent is closing): BYE to the established, nothing waited for. */
    void hangupAll() {
        for (Call c : all()) {
            if (c.state() == Call.State.ENDED) continue;
            try {
                hangup(c);
            } catch (IllegalStateException ended) {
                // it ended in between
            }
        }
    }

    /** Stops every call's media at once, nothing sent. */
    void close() {
        for (Call c : all()) c.media.close();
    }

    private void end(Call call, String reason) {
        synchronized (this) {
            if (call.state() == Call.State.ENDED) return;
            if (call.ringTimeout != null) call.ringTimeout.cancel();
            if (call.okRetransmission != null) call.okRetransmission.cancel();
            call.ended(timers.nowMillis(), reason);
        }
        call.media.close();
        changed(call);
    }

    private void changed(Call call) {
        timers.execute(() -> listener.accept(call));
    }

    /** Keeps {@code call}, forgetting the oldest ended calls beyond {@link #MAX_ENDED_KEPT}. */
    private void keep(Call call) {
        calls.put(call.callId(), call);
        List<String> ended = calls.values().stream().filter(c -> c.state() == Call.State.ENDED).map(Call::callId).toList();
        for (int i = 0; i < ended.size() - MAX_ENDED_KEPT; i++) calls.remove(ended.get(i));
    }

    // ---- messages

    private Request inDialog(Call call, String method, long cseq) {
        return requests.inDialog(method, call.remoteTarget, call.local, call.localTag, call.remote, call.remoteTag,
                call.callId(), cseq, call.routeSet);
    }

    /** The CANCEL of the call's INVITE: the same Request-URI, Call-ID, From, To, CSeq number, top Via and Route (RFC 3261 section 9.1). */
    private Request cancelOf(Call call) {
        Request invite = call.invite;
        try {
            Request cancel = SipFactories.get().messages().createRequest(invite.getRequestURI(), Request.CANCEL,
                    (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                    headers.createCSeqHeader(((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber(), Request.CANCEL),
                    (FromHeader) invite.getHeader(FromHeader.NAME), (ToHeader) invite.getHeader(ToHeader.NAME),
                    List.of((ViaHeader) invite.getHeader(ViaHeader.NAME)), (MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME));
            ListIterator<?> routes = invite.getHeaders(RouteHeader.NAME);
            while (routes.hasNext()) cancel.addHeader((RouteHeader) routes.next());
            return cancel;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build the CANCEL of " + call.callId(), e);
        }
    }

    /**
     * The route set of a dialog from the Record-Route of the message that set it up: in order for the
     * callee, reversed for the caller (RFC 3261 sections 12.1.1 and 12.1.2).
     */
    private static List<Address> routeSet(javax.sip.message.Message m, boolean reverse) {
        List<Address> set = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(RecordRouteHeader.NAME);
        while (it.hasNext()) set.add((Address) ((RecordRouteHeader) it.next()).getAddress().clone());
        if (reverse) Collections.reverse(set);
        return List.copyOf(set);
    }

    private void setSdp(javax.sip.message.Message m, RtpStream media) {
        try {
            ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
            m.setContent(AudioOffer.describe(media.localAddress(), Math.abs(random.nextInt()), requests.ownUser()), type);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
