package org.interlay.router.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A phone written as raw SIP text on a {@link RawSipPeer}: it registers, calls (INVITE with an SDP
 * offer, ACK for 2xx, BYE, CANCEL), answers (180, 200 with an SDP answer, copying Record-Route into
 * its responses as a UAS does) and keeps each dialog's route set from the Record-Route it saw, so
 * in-dialog requests carry the Route headers RFC 3261 section 12 prescribes. Messages it does not
 * want yet are kept for later; retransmitted requests are seen once.
 */
public final class RawPhone implements AutoCloseable {
    private static final AtomicInteger BRANCHES = new AtomicInteger();
    private final RawSipPeer peer;
    private final String user;
    private final String domain;
    private final String tag;
    private final List<SipText> held = new ArrayList<>();
    private final Set<String> seenRequests = new HashSet<>();
    private String lastInDialog;
    private InetSocketAddress lastInDialogHop;

    /** One side of a call, as this phone sees it. */
    public static final class Dialog {
        private final String callId;
        private final String localUri;
        private final String localTag;
        private String remoteUri;
        private String remoteTag;
        private String remoteTarget;
        private List<String> routeSet = List.of();
        private int cseq;
        private final String inviteBranch;
        private final String inviteRequestUri;
        private final InetSocketAddress firstHop;

        Dialog(String callId, String localUri, String localTag, String remoteUri, int cseq, String inviteBranch,
               String inviteRequestUri, InetSocketAddress firstHop) {
            this.callId = callId;
            this.localUri = localUri;
            this.localTag = localTag;
            this.remoteUri = remoteUri;
            this.cseq = cseq;
            this.inviteBranch = inviteBranch;
            this.inviteRequestUri = inviteRequestUri;
            this.firstHop = firstHop;
        }

        public String callId() {
            return callId;
        }

        public List<String> routeSet() {
            return routeSet;
        }

        public String remoteTarget() {
            return remoteTarget;
        }
    }

    private RawPhone(RawSipPeer peer, String user, String domain) {
        this.peer = peer;
        this.user = user;
        this.domain = domain;
        this.tag = "t" + peer.port();
    }

    public static RawPhone open(String user, String domain) {
        return new RawPhone(RawSipPeer.open(), user, domain);
    }

    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    public String contact() {
        return peer.contact(user);
    }

    public int port() {
        return peer.port();
    }

    /** The SDP offer or answer of this phone: its media on its own port, which no proxy should touch. */
    public String sdp() {
        return "v=0\r\no=" + user + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + (peer.port() + 1) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    /** Registers this phone's contact for its address with {@code agent}; fails unless 200 comes. */
    public void register(InetSocketAddress agent, int expires, Duration wait) {
        String callId = "reg-" + user + "-" + peer.port() + "-" + expires;
        peer.send(peer.request("REGISTER", "sip:" + domain, aor(), aor(), callId, 1,
                "Contact: <" + contact() + ">;expires=" + expires + "\r\n", ""), agent);
        SipText answer = awaitResponse(callId, r -> r.status() >= 200, wait);
        if (answer.status() != 200) throw new AssertionError("registering " + aor() + ": " + answer);
    }

    /** Sends an INVITE with an SDP offer to {@code toAor} through {@code proxy}. */
    public Dialog invite(String toAor, InetSocketAddress proxy) {
        String callId = "call-" + peer.port() + "-" + BRANCHES.incrementAndGet();
        String branch = branch();
        String text = "INVITE " + toAor + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + tag + "\r\n"
                + "To: <" + toAor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <" + contact() + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp().length() + "\r\n\r\n" + sdp();
        peer.send(text, proxy);
        return new Dialog(callId, aor(), tag, toAor, 1, branch, toAor, proxy);
    }

    /** The next response of {@code dialog}'s call with {@code status}, others before it skipped. */
    public SipText awaitResponse(Dialog dialog, int status, Duration wait) {
        SipText r = awaitResponse(dialog.callId, m -> m.status() == status, wait);
        learnFromResponse(dialog, r);
        return r;
    }

    /** True when a response with {@code status} comes in {@code dialog}'s call within {@code wait}. */
    public boolean receivesResponse(Dialog dialog, int status, Duration wait) {
        try {
            awaitResponse(dialog.callId, m -> m.status() == status, wait);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    /** The next final response of {@code dialog}'s call to {@code method}. */
    public SipText awaitFinal(Dialog dialog, String method, Duration wait) {
        return awaitResponse(dialog.callId, m -> m.status() >= 200 && cseqMethod(m).equals(method), wait);
    }

    private void learnFromResponse(Dialog dialog, SipText r) {
        if (r.status() < 101 || r.status() >= 300 || !cseqMethod(r).equals("INVITE")) return;
        r.header("Contact").ifPresent(c -> dialog.remoteTarget = uriOf(c)); // a target refresh
        if (dialog.remoteTag != null) return; // the route set is fixed when the dialog is made (RFC 3261 12.2.1.2)
        dialog.remoteTag = tagOf(r.header("To").orElseThrow());
        List<String> routes = new ArrayList<>(splitRoutes(r.headers("Record-Route")));
        Collections.reverse(routes); // the caller's route set is the Record-Route in reverse (RFC 3261 12.1.2)
        dialog.routeSet = routes;
    }

    /** Sends the ACK for a 2xx: end to end, along the route set, to the remote target. */
    public void ack(Dialog dialog) {
        sendInDialog(dialog, "ACK", dialog.cseq, "");
    }

    /** Sends the ACK for a non-2xx final response: same branch and Request-URI as the INVITE, hop by hop. */
    public void ackFailure(Dialog dialog, SipText failure) {
        String text = "ACK " + dialog.inviteRequestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=" + dialog.inviteBranch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + tag + "\r\n"
                + "To: " + failure.header("To").orElseThrow() + "\r\n"
                + "Call-ID: " + dialog.callId + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
        peer.send(text, dialog.firstHop);
    }

    /** A call to {@code toAor} through {@code proxy} whose INVITE is never sent (to CANCEL what nobody knows). */
    public Dialog unsentInvite(String toAor, InetSocketAddress proxy) {
        return new Dialog("never-" + peer.port() + "-" + BRANCHES.incrementAndGet(), aor(), tag, toAor, 1, branch(), toAor,
                proxy);
    }

    /** Sends a CANCEL for the INVITE that started {@code dialog}. */
    public void cancel(Dialog dialog) {
        String text = "CANCEL " + dialog.inviteRequestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=" + dialog.inviteBranch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + tag + "\r\n"
                + "To: <" + dialog.remoteUri + ">\r\n"
                + "Call-ID: " + dialog.callId + "\r\n"
                + "CSeq: 1 CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n";
        peer.send(text, dialog.firstHop);
    }

    /** Sends a new request inside {@code dialog} (BYE, UPDATE, INFO, ...) along its route set. */
    public void request(Dialog dialog, String method) {
        sendInDialog(dialog, method, ++dialog.cseq, "");
    }

    private void sendInDialog(Dialog dialog, String method, int cseq, String body) {
        StringJoiner out = new StringJoiner("\r\n", "", "\r\n\r\n");
        out.add(method + " " + dialog.remoteTarget + " SIP/2.0");
        out.add("Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=" + branch());
        out.add("Max-Forwards: 70");
        out.add("From: <" + dialog.localUri + ">;tag=" + dialog.localTag);
        out.add("To: <" + dialog.remoteUri + ">;tag=" + dialog.remoteTag);
        out.add("Call-ID: " + dialog.callId);
        out.add("CSeq: " + cseq + " " + method);
        for (String route : dialog.routeSet) out.add("Route: " + route);
        out.add("Content-Length: " + body.length());
        String text = out + body;
        lastInDialog = text;
        lastInDialogHop = firstHop(dialog);
        peer.send(text, lastInDialogHop);
    }

    /** Sends the last request made inside a dialog again, byte for byte: a retransmission (RFC 3261 section 17.1.2). */
    public void retransmitLastRequest() {
        if (lastInDialog == null) throw new IllegalStateException("no request sent inside a dialog yet");
        peer.send(lastInDialog, lastInDialogHop);
    }

    /** Where an in-dialog request goes first: the first Route, or the remote target when there is none. */
    private static InetSocketAddress firstHop(Dialog dialog) {
        String uri = dialog.routeSet.isEmpty() ? dialog.remoteTarget : uriOf(dialog.routeSet.get(0));
        String hostPort = uri.substring(uri.indexOf(uri.contains("@") ? '@' : ':') + 1).split(";")[0];
        String[] hp = hostPort.split(":");
        return new InetSocketAddress(hp[0], hp.length > 1 ? Integer.parseInt(hp[1]) : 5060);
    }

    /** The next new request with {@code method} (retransmissions of requests already seen are skipped). */
    public SipText awaitRequest(String method, Duration wait) {
        return await(m -> !m.isResponse() && m.method().equals(method), wait, "a " + method);
    }

    /** The next request with {@code method}, a retransmission of one already seen included. */
    public SipText awaitRequestOrCopy(String method, Duration wait) {
        return await(m -> !m.isResponse() && m.method().equals(method), wait, "a " + method, true);
    }

    /** True when a request with {@code method} comes within {@code wait}. */
    public boolean receivesRequest(String method, Duration wait) {
        try {
            awaitRequest(method, wait);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    /**
     * Answers a received INVITE with {@code status}: To tag of this phone, Record-Route copied, this
     * phone's Contact, and its SDP answer on a 2xx. Returns the dialog as the callee sees it.
     */
    public Dialog answer(SipText invite, int status, String reason) {
        String body = status / 100 == 2 ? sdp() : "";
        StringJoiner out = new StringJoiner("\r\n", "", "\r\n\r\n");
        out.add("SIP/2.0 " + status + " " + reason);
        invite.headers("Via").forEach(v -> out.add("Via: " + v));
        invite.headers("Record-Route").forEach(rr -> out.add("Record-Route: " + rr));
        out.add("From: " + invite.header("From").orElseThrow());
        out.add("To: " + withTag(invite.header("To").orElseThrow()));
        out.add("Call-ID: " + invite.header("Call-ID").orElseThrow());
        out.add("CSeq: " + invite.header("CSeq").orElseThrow());
        out.add("Contact: <" + contact() + ">");
        if (!body.isEmpty()) out.add("Content-Type: application/sdp");
        out.add("Content-Length: " + body.length());
        peer.send(out + body, topVia(invite));
        String from = invite.header("From").orElseThrow();
        Dialog d = new Dialog(invite.header("Call-ID").orElseThrow(), aor(), tag, uriOf(from), 100, null, null, null);
        d.remoteTag = tagOf(from);
        d.remoteTarget = invite.header("Contact").map(RawPhone::uriOf).orElse(null);
        d.routeSet = splitRoutes(invite.headers("Record-Route")); // the callee's route set: in order
        return d;
    }

    /** Answers any request (BYE, CANCEL, ...) with {@code status}, with this phone's To tag. */
    public void respond(SipText request, int status, String reason) {
        StringJoiner out = new StringJoiner("\r\n", "", "\r\n\r\n");
        out.add("SIP/2.0 " + status + " " + reason);
        request.headers("Via").forEach(v -> out.add("Via: " + v));
        out.add("From: " + request.header("From").orElseThrow());
        out.add("To: " + withTag(request.header("To").orElseThrow()));
        out.add("Call-ID: " + request.header("Call-ID").orElseThrow());
        out.add("CSeq: " + request.header("CSeq").orElseThrow());
        out.add("Content-Length: 0");
        peer.send(out.toString(), topVia(request));
    }

    private String withTag(String to) {
        return to.contains(";tag=") ? to : to + ";tag=" + tag;
    }

    private SipText awaitResponse(String callId, Predicate<SipText> wanted, Duration wait) {
        return await(m -> m.isResponse() && callId.equals(m.header("Call-ID").orElse("")) && wanted.test(m), wait,
                "a response in " + callId);
    }

    private SipText await(Predicate<SipText> wanted, Duration wait, String what) {
        return await(wanted, wait, what, false);
    }

    private SipText await(Predicate<SipText> wanted, Duration wait, String what, boolean copiesToo) {
        for (Iterator<SipText> it = held.iterator(); it.hasNext(); ) {
            SipText m = it.next();
            if (wanted.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no " + what + " within " + wait + "; held: " + held);
            SipText m = peer.poll(Duration.ofNanos(left)).orElse(null);
            if (m == null) continue;
            if (!m.isResponse() && !seenRequests.add(m.method() + " " + m.headers("Via").get(0)) && !copiesToo) continue;
            if (wanted.test(m)) return m;
            held.add(m);
        }
    }

    private static String branch() {
        return "z9hG4bK-phone-" + BRANCHES.incrementAndGet();
    }

    private static String cseqMethod(SipText m) {
        String[] cseq = m.header("CSeq").orElseThrow().trim().split("\\s+");
        return cseq[1];
    }

    static List<String> splitRoutes(List<String> headers) {
        List<String> routes = new ArrayList<>();
        for (String h : headers) {
            for (String r : h.split(",(?=\\s*<)")) routes.add(r.trim());
        }
        return routes;
    }

    private static String uriOf(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        return lt >= 0 ? nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt)) : nameAddr.split(";")[0].trim();
    }

    private static String tagOf(String header) {
        int i = header.indexOf(";tag=");
        return i < 0 ? null : header.substring(i + 5).split(";")[0].trim();
    }

    private static InetSocketAddress topVia(SipText request) {
        String via = request.headers("Via").get(0).split(",")[0];
        String sentBy = via.substring(via.indexOf(' ') + 1).split(";")[0].trim();
        String[] hostPort = sentBy.split(":");
        int port = hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 5060;
        for (String param : via.split(";")) {
            if (param.trim().startsWith("rport=")) port = Integer.parseInt(param.trim().substring(6));
        }
        return new InetSocketAddress(hostPort[0], port);
    }

    @Override
    public void close() {
        peer.close();
    }
}
