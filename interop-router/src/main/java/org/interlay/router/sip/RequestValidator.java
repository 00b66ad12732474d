package org.interlay.router.sip;

import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;

/**
 * First link of every chain: refuses what the parser let through but a request must not be. A request
 * without Via, From, To, Call-ID or CSeq, whose CSeq method is not its method, or whose body is not
 * as long as its Content-Length says gets 400; a body larger than the limit gets 413. An ACK is
 * never answered, so a bad one is dropped. Each refusal is recorded as malformed input.
 */
public final class RequestValidator implements SipHandler {
    private static final String[] REQUIRED = {ViaHeader.NAME, FromHeader.NAME, ToHeader.NAME, CallIdHeader.NAME, CSeqHeader.NAME};

    private final DropLog malformed;
    private final int maxBodyBytes;

    public RequestValidator(DropLog malformed, int maxBodyBytes) {
        if (maxBodyBytes < 0) throw new IllegalArgumentException("body limit must not be negative: " + maxBodyBytes);
        this.malformed = malformed;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        String problem = problem(request);
        if (problem == null) {
            int length = bodyLength(request);
            if (length <= maxBodyBytes) return false;
            malformed.drop("body too large", sender(request), length + " bytes in " + request.getMethod());
            if (!request.getMethod().equals(Request.ACK)) exchange.respond(Response.REQUEST_ENTITY_TOO_LARGE);
            return true;
        }
        malformed.drop(problem, sender(request), request.getMethod() + " " + request.getRequestURI());
        if (!request.getMethod().equals(Request.ACK) && request.getHeader(ViaHeader.NAME) != null) {
            exchange.respond(Response.BAD_REQUEST, problem);
        }
        return true;
    }

    /** What is wrong with the request, or null when nothing is. */
    static String problem(Request request) {
        for (String name : REQUIRED) {
            if (request.getHeader(name) == null) return "Missing " + name;
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (!cseq.getMethod().equals(request.getMethod())) return "CSeq method does not match";
        ContentLengthHeader declared = request.getContentLength();
        if (declared != null && declared.getContentLength() != bodyLength(request)) return "Content-Length does not match body";
        return null;
    }

    /** Who sent {@code request}, as its top Via says. */
    private static String sender(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "a peer without Via" : via.getHost() + ":" + via.getPort();
    }

    private static int bodyLength(Request request) {
        byte[] body = request.getRawContent();
        return body == null ? 0 : body.length;
    }
}
