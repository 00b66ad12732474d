package org.interlay.router.ua;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** The path a request took: its Via headers as they arrived, the last hop first and the sender last (RFC 3261 section 8.1.1.7). */
final class ViaPath {
    private ViaPath() {
    }

    static List<String> of(Request request) {
        List<String> hops = new ArrayList<>();
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            hops.add(vias.next().toString().replaceFirst("^Via:\\s*", "").strip());
        }
        return List.copyOf(hops);
    }
}
