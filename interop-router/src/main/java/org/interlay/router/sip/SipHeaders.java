package org.interlay.router.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Typed access to headers that may appear more than once (JAIN-SIP hands them out untyped). */
public final class SipHeaders {
    private SipHeaders() {
    }

    /** Every header called {@code name}, in message order, as {@code type}. */
    public static <H extends Header> List<H> all(Message message, String name, Class<H> type) {
        List<H> out = new ArrayList<>();
        ListIterator<?> it = message.getHeaders(name);
        while (it.hasNext()) out.add(type.cast(it.next()));
        return out;
    }
}
