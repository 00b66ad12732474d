package org.interlay.router.sip;

/** What the host of a SIP URI or Via is: an address literal, or a domain name. */
public final class SipHosts {
    private SipHosts() {
    }

    /** An address literal: an IPv6 reference in brackets, or only digits and dots (IPv4). */
    public static boolean isAddressLiteral(String host) {
        if (host.startsWith("[")) return true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && !Character.isDigit(c)) return false;
        }
        return true;
    }

    /** A domain name: not an address literal, with a dot after its first label (chord.lab, not localhost). */
    public static boolean isDomainName(String host) {
        return !isAddressLiteral(host) && host.indexOf('.') > 0;
    }
}
