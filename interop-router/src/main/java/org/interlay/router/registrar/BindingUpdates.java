package org.interlay.router.registrar;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.URI;
import javax.sip.message.Response;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingRefusedException;
import org.interlay.router.location.BindingSet;
import org.interlay.router.sip.SipFactories;

/**
 * Applies a REGISTER to the current bindings (RFC 3261 section 10.3 step 7): a contact already bound
 * (URIs compared as section 19.1.4 says) is refreshed or removed, unless the REGISTER carries the
 * binding's Call-ID with a CSeq not above the stored one (an old request arriving late: refused); a
 * new contact is added; expired bindings are dropped.
 */
final class BindingUpdates {
    private BindingUpdates() {
    }

    static BindingSet apply(BindingSet current, RegisterRequest register, Instant now) throws BindingRefusedException {
        if (register.removeAll()) {
            for (Binding b : current.bindings()) checkOrder(b, register);
            return BindingSet.empty(current.aor());
        }
        List<Binding> next = new ArrayList<>();
        for (Binding b : current.bindings()) {
            if (b.isLive(now)) next.add(b);
        }
        for (ContactUpdate update : register.contacts()) {
            int existing = indexOf(next, update.uri());
            if (existing >= 0) {
                checkOrder(next.get(existing), register);
                next.remove(existing);
            }
            if (update.seconds() > 0) {
                next.add(new Binding(update.uri().toString(), now.plusSeconds(update.seconds()), update.q(),
                        register.callId(), register.cseq()));
            }
        }
        if (next.size() > BindingSet.MAX_BINDINGS) {
            throw new BindingRefusedException(Response.FORBIDDEN, "Too many contacts (at most " + BindingSet.MAX_BINDINGS + ")");
        }
        return new BindingSet(current.aor(), next);
    }

    private static void checkOrder(Binding b, RegisterRequest register) throws BindingRefusedException {
        if (b.callId().equals(register.callId()) && register.cseq() <= b.cseq()) {
            throw new BindingRefusedException(Response.BAD_REQUEST, "CSeq not above the binding's");
        }
    }

    private static int indexOf(List<Binding> bindings, URI uri) {
        for (int i = 0; i < bindings.size(); i++) {
            try {
                if (SipFactories.get().addresses().createURI(bindings.get(i).contact()).equals(uri)) return i;
            } catch (ParseException unparsable) {
                // a stored contact that does not parse matches nothing; the update replaces it in time
            }
        }
        return -1;
    }
}
