package org.interlay.trust;

import java.util.Locale;
import java.util.regex.Pattern;

/** A host name as SIP domains and certificates use it: dot-separated labels of letters, digits and inner '-'. */
final class DomainName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainName() {
    }

    /** The name in lower case; an IllegalArgumentException that says what is wrong if it is not a host name. */
    static String check(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > 253) throw new IllegalArgumentException("not a domain name: '" + name + "'");
        for (String label : n.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a domain name: '" + name + "' (labels are letters, digits and inner '-', "
                        + "separated by single dots)");
            }
        }
        return n;
    }
}
