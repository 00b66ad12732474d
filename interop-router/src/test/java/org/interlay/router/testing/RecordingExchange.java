package org.interlay.router.testing;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.auth.AuthenticatedUser;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;

/** A {@link ServerExchange} with no stack behind it: handlers' responses are kept for the test to read. */
public final class RecordingExchange implements ServerExchange {
    private final Request request;
    private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private boolean inTransaction;
    private volatile AuthenticatedUser user;

    public RecordingExchange(Request request) {
        this.request = request;
    }

    /** An exchange for a request written as SIP text (CRLF line ends are added). */
    public static RecordingExchange of(String... lines) {
        String text = String.join("\r\n", lines) + "\r\n";
        try {
            return new RecordingExchange(SipFactories.get().messages().createRequest(text));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP request: " + text, e);
        }
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public boolean enterTransaction() {
        inTransaction = true;
        return true;
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public Response response(int status) {
        try {
            Response r = SipFactories.get().messages().createResponse(status, request);
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (status > 100 && to.getTag() == null) to.setTag("test");
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(Response response) {
        responses.add(response);
    }

    /** The next response sent, waiting up to five seconds for handlers that answer asynchronously. */
    public Response awaitResponse() throws InterruptedException {
        Response r = responses.poll(5, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no response to " + request.getMethod());
        return r;
    }

    @Override
    public Optional<AuthenticatedUser> authenticatedUser() {
        return Optional.ofNullable(user);
    }

    @Override
    public void authenticatedAs(AuthenticatedUser authenticated) {
        user = authenticated;
    }

    public List<Response> sentSoFar() {
        return List.copyOf(responses);
    }
}
