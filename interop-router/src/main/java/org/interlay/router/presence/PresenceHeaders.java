package org.interlay.router.presence;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHeaders;

/** The header checks and decorations presence requests share (RFC 3856, 3903, 6665). */
final class PresenceHeaders {
    static final String EVENT = "presence";

    private PresenceHeaders() {
    }

    /** True when the request names the presence event package. */
    static boolean isPresenceEvent(Message request) {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        return event != null && EVENT.equalsIgnoreCase(event.getEventType());
    }

    /** True when the body is declared application/pidf+xml. */
    static boolean isPidf(Message request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type != null && "application".equalsIgnoreCase(type.getContentType())
                && "pidf+xml".equalsIgnoreCase(type.getContentSubType());
    }

    /** True when the request has no Accept header, or one that admits application/pidf+xml. */
    static boolean acceptsPidf(Message request) {
        java.util.List<AcceptHeader> accepts = SipHeaders.all(request, AcceptHeader.NAME, AcceptHeader.class);
        if (accepts.isEmpty()) return true;
        for (AcceptHeader a : accepts) {
            String type = a.getContentType() == null ? "*" : a.getContentType();
            String sub = a.getContentSubType() == null ? "*" : a.getContentSubType();
            if ((type.equals("*") || type.equalsIgnoreCase("application")) && (sub.equals("*") || sub.equalsIgnoreCase("pidf+xml"))) {
                return true;
            }
        }
        return false;
    }

    /** A 489 Bad Event telling the one event package served (RFC 6665 section 8.3.1). */
    static void badEvent(Response response) {
        try {
            response.setHeader(SipFactories.get().headers().createAllowEventsHeader(EVENT));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accept: application/pidf+xml, for 415 and 406. */
    static void acceptPidf(Response response) {
        try {
            response.setHeader(SipFactories.get().headers().createAcceptHeader("application", "pidf+xml"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static void expires(Response response, long seconds) {
        try {
            response.setHeader(SipFactories.get().headers().createExpiresHeader((int) Math.min(Integer.MAX_VALUE, seconds)));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    static void minExpires(Response response, long seconds) {
        try {
            response.setHeader(SipFactories.get().headers().createMinExpiresHeader((int) seconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentTypeHeader pidfType() {
        try {
            return SipFactories.get().headers().createContentTypeHeader("application", "pidf+xml");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
