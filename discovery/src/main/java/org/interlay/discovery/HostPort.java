package org.interlay.discovery;

/**
 * A host name or IPv4 address with a port, written {@code host:port} in adverts.
 * IPv6 literals are not accepted: mDNS over IPv6 was not usable where this was built.
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (!NameSyntax.isHost(host)) {
            throw new IllegalArgumentException("not a host name or IPv4 address: " + host);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** Parses {@code host:port} strictly: no spaces, no brackets, a decimal port. */
    public static HostPort parse(String text) throws InvalidAdvertException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon != text.indexOf(':') || colon == text.length() - 1) {
            throw badHostPort(text);
        }
        String portText = text.substring(colon + 1);
        if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badHostPort(text);
        }
        String host = text.substring(0, colon);
        int port = Integer.parseInt(portText);
        if (!NameSyntax.isHost(host) || port < 1 || port > 65_535) {
            throw badHostPort(text);
        }
        return new HostPort(host, port);
    }

    private static InvalidAdvertException badHostPort(String text) {
        return new InvalidAdvertException(InvalidAdvertException.Problem.BAD_HOST_PORT, "'" + text + "'");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
