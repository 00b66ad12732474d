package org.interlay.discovery;

import java.util.regex.Pattern;

/** The syntax of the names that appear in adverts; one place, so parser and records agree. */
final class NameSyntax {

    private static final Pattern OVERLAY_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOTTED_DIGITS = Pattern.compile("[0-9]+(?:\\.[0-9]+)*");
    private static final int MAX_HOST_NAME = 253;

    private NameSyntax() {
    }

    /**
     * An overlay name: letters, digits, '_', '-', 1 to 63 characters, alphanumeric at both ends.
     * No '.': the name is the DNS-SD instance label, and JmDNS would split it at dots.
     */
    static boolean isOverlayName(String text) {
        return text != null && OVERLAY_NAME.matcher(text).matches();
    }

    /** A node id: letters, digits, '_', '-', 1 to 64 characters (it is part of the instance label too). */
    static boolean isNodeId(String text) {
        return text != null && NODE_ID.matcher(text).matches();
    }

    /** A DNS host or domain name (labels of letters, digits and '-'), or a dotted-quad IPv4 address. */
    static boolean isHost(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_HOST_NAME) {
            return false;
        }
        if (DOTTED_DIGITS.matcher(text).matches()) {
            return isIpv4Literal(text);
        }
        for (String label : text.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A SIP domain: a host name that is not an IP address literal. */
    static boolean isDomain(String text) {
        return isHost(text) && !DOTTED_DIGITS.matcher(text).matches();
    }

    private static boolean isIpv4Literal(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
