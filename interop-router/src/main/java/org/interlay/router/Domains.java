package org.interlay.router;

import java.util.Locale;
import java.util.regex.Pattern;
import org.interlay.router.sip.SipHosts;

/** SIP domain names as the agent and router take them: dotted DNS names, compared in lower case. */
final class Domains {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private Domains() {
    }

    /** The domain in lower case; refuses anything that is not a dotted DNS name (or is an IPv4 literal). */
    static String check(String domain) {
        String d = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches() || SipHosts.isAddressLiteral(d)) {
            throw new IllegalArgumentException("a SIP domain looks like chord.lab: " + domain);
        }
        return d;
    }
}
