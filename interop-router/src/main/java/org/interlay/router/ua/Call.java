package org.interlay.router.ua;

import java.net.InetSocketAddress;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.interlay.router.media.MediaStats;
import org.interlay.router.media.RtpStream;
import org.interlay.router.sip.ServerExchange;
import org.interlay.time.Clock;
import org.interlay.time.Timer;

/**
 * One call of a user agent: an INVITE dialog (RFC 3261 section 12) and its audio. What it shows is
 * safe to read from any thread; the dialog state inside is changed by {@link CallTable} only, under
 * that table's lock.
 */
public final class Call {
    public enum Direction { OUTGOING, INCOMING }

    /**
     * CALLING: the INVITE went out (or came in) and nothing rings yet; RINGING: the callee is alerted
     * (a 180 came, or this user agent rings); ESTABLISHED: answered and acknowledged; ENDED: over, for
     * the reason {@link #endReason()} gives.
     */
    public enum State { CALLING, RINGING, ESTABLISHED, ENDED }

    private final String callId;
    private final Direction direction;
    private final String peer;
    private final long startedMillis;
    private final Clock clock;
    final RtpStream media;
    private volatile State state;
    private volatile String endReason = "";
    private volatile long establishedMillis = -1;
    private volatile long endedMillis = -1;
    volatile List<String> path = List.of();

    // the dialog, guarded by the call table's lock
    Request invite;
    ServerExchange inviteExchange;
    Address local;
    String localTag;
    Address remote;
    String remoteTag;
    URI remoteTarget;
    List<Address> routeSet = List.of();
    long localCseq;
    Request ack;
    InetSocketAddress farMedia;
    boolean answered;
    volatile boolean cancelling;
    Timer ringTimeout;
    Timer okRetransmission;

    Call(String callId, Direction direction, String peer, RtpStream media, Clock clock) {
        this.clock = clock;
        this.startedMillis = clock.nowMillis();
        this.callId = callId;
        this.direction = direction;
        this.peer = peer;
        this.media = media;
        this.state = direction == Direction.OUTGOING ? State.CALLING : State.RINGING;
    }

    public String callId() {
        return callId;
    }

    public Direction direction() {
        return direction;
    }

    /** The other party, as sip:bob@kad.lab. */
    public String peer() {
        return peer;
    }

    public State state() {
        return state;
    }

    /** Why the call ended ("hung up by sip:bob@kad.lab", "486 Busy Here", ...); empty while it lasts. */
    public String endReason() {
        return endReason;
    }

    /** How long the call has been (or was) established, in milliseconds; 0 before. */
    public long talkMillis() {
        long from = establishedMillis;
        if (from < 0) return 0;
        long to = endedMillis >= 0 ? endedMillis : clock.nowMillis();
        return Math.max(0, to - from);
    }

    public long startedMillis() {
        return startedMillis;
    }

    /** For a call that came in, the path its INVITE took (Via headers, the last hop first); empty for a call made here. */
    public List<String> path() {
        return path;
    }

    /** Where this side receives the call's RTP. */
    public InetSocketAddress mediaAddress() {
        return media.localAddress();
    }

    /** RTP sent to and received from the other party, straight between the two user agents. */
    public MediaStats media() {
        return media.stats();
    }

    void established(long nowMillis) {
        establishedMillis = nowMillis;
        state = State.ESTABLISHED;
    }

    void ringing() {
        state = State.RINGING;
    }

    void ended(long nowMillis, String reason) {
        endedMillis = nowMillis;
        endReason = reason;
        state = State.ENDED;
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " call " + (direction == Direction.OUTGOING ? "to " : "from ") + peer
                + " " + state.name().toLowerCase() + (endReason.isEmpty() ? "" : " (" + endReason + ")");
    }
}
