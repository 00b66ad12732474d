package org.interlay.router.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.auth.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request received by a JAIN-SIP provider; answered statelessly until a handler enters a transaction. */
final class InboundExchange implements ServerExchange {
    private static final Logger log = LoggerFactory.getLogger(InboundExchange.class);

    private final SipProvider provider;
    private final Request request;
    private volatile ServerTransaction transaction;
    private volatile AuthenticatedUser user;

    InboundExchange(SipProvider provider, Request request, ServerTransaction transaction) {
        this.provider = provider;
        this.request = request;
        this.transaction = transaction;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public boolean enterTransaction() {
        if (transaction != null) return true;
        try {
            transaction = provider.getNewServerTransaction(request);
            return true;
        } catch (TransactionAlreadyExistsException retransmission) {
            return false;
        } catch (SipException e) {
            // the stack will not keep state for it (an RFC 2543 INVITE without Contact, say): say why, at once
            log.debug("no server transaction for {}: {}", request.getMethod(), e.toString());
            if (!request.getMethod().equals(Request.ACK)) {
                String missing = e.getMessage() == null ? null : e.getMessage().replaceFirst("(?s).*Missing a required header : ", "");
                send(response(Response.BAD_REQUEST, missing != null && missing.matches("[A-Za-z-]{1,32}") ? "Missing " + missing
                        : "Bad Request"));
            }
            return false;
        }
    }

    @Override
    public Optional<AuthenticatedUser> authenticatedUser() {
        return Optional.ofNullable(user);
    }

    @Override
    public void authenticatedAs(AuthenticatedUser authenticated) {
        this.user = authenticated;
        // the request carries it on, so that a copy leaving over TLS asserts it (P-Asserted-Identity)
        AuthenticationMark.mark(request, org.interlay.trust.Aor.parse(authenticated.aor().user() + "@" + authenticated.aor().domain()));
    }

    @Override
    public boolean cancelsPendingTransaction() {
        return provider.getSipStack() instanceof SIPTransactionStack stack && request instanceof SIPRequest sipRequest
                && stack.findCancelTransaction(sipRequest, true) != null;
    }

    private Response response(int status, String reason) {
        Response r = response(status);
        try {
            r.setReasonPhrase(reason);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad reason phrase: " + reason, e);
        }
        return r;
    }

    @Override
    public Response response(int status) {
        try {
            Response response = SipFactories.get().messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) to.setTag(Tags.responseTag(request));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }

    @Override
    public void send(Response response) {
        try {
            ServerTransaction t = transaction;
            if (t != null) {
                t.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            // The transaction ended or the peer's address is unusable: the response cannot go anywhere.
            log.debug("cannot send {} to {}: {}", response.getStatusCode(), request.getMethod(), e.toString());
        }
    }
}
