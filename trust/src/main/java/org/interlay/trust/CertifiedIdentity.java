package org.interlay.trust;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a certificate says its holder is: a role and what the role is bound to. Made with one of the
 * factories ({@link #node}, {@link #user}, {@link #agent}, {@link #router}); read out of a certificate by
 * {@link CertificateProfile#identityOf}.
 *
 * @param role    what the holder may be
 * @param name    the holder's name: the node-id in hex, the address of record, the domain or the router's id
 * @param overlay for a node, the overlay it is enrolled in, if the authority named one
 */
public record CertifiedIdentity(Role role, String name, Optional<String> overlay) {
    /** Node-ids are 160 bits, as the overlays' keys. */
    public static final int NODE_ID_BYTES = 20;
    private static final Pattern NODE_ID = Pattern.compile("[0-9a-f]{" + 2 * NODE_ID_BYTES + "}");
    private static final Pattern OVERLAY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ROUTER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CertifiedIdentity {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(overlay, "overlay");
        switch (role) {
            case NODE -> {
                if (!NODE_ID.matcher(name).matches()) {
                    throw new IllegalArgumentException("a node-id is " + 2 * NODE_ID_BYTES + " lower-case hex digits: '" + name + "'");
                }
                overlay.ifPresent(o -> {
                    if (!OVERLAY.matcher(o).matches()) {
                        throw new IllegalArgumentException("an overlay name is letters, digits, '-', '_': '" + o + "'");
                    }
                });
            }
            case USER -> name = Aor.parse(name).toString();
            case AGENT -> name = DomainName.check(name);
            case ROUTER -> {
                if (!ROUTER_ID.matcher(name).matches()) {
                    throw new IllegalArgumentException("a router id is letters, digits, '.', '-', '_': '" + name + "'");
                }
            }
        }
        if (role != Role.NODE && overlay.isPresent()) throw new IllegalArgumentException("only a node certificate names an overlay");
    }

    /** A node with this node-id ({@value #NODE_ID_BYTES} bytes), in the named overlay or in any of the authority's. */
    public static CertifiedIdentity node(byte[] nodeId, Optional<String> overlay) {
        if (nodeId.length != NODE_ID_BYTES) throw new IllegalArgumentException("a node-id is " + NODE_ID_BYTES + " bytes");
        return new CertifiedIdentity(Role.NODE, HexFormat.of().formatHex(nodeId), overlay);
    }

    public static CertifiedIdentity user(Aor aor) {
        return new CertifiedIdentity(Role.USER, aor.toString(), Optional.empty());
    }

    public static CertifiedIdentity agent(String domain) {
        return new CertifiedIdentity(Role.AGENT, domain, Optional.empty());
    }

    public static CertifiedIdentity router(String id) {
        return new CertifiedIdentity(Role.ROUTER, id, Optional.empty());
    }

    /** The node-id's bytes, for a node. */
    public Optional<byte[]> nodeId() {
        return role == Role.NODE ? Optional.of(HexFormat.of().parseHex(name)) : Optional.empty();
    }

    /** The address of record, for a user. */
    public Optional<Aor> aor() {
        return role == Role.USER ? Optional.of(Aor.parse(name)) : Optional.empty();
    }

    /** The SIP domain: an agent's, or a user's (that of the address of record). */
    public Optional<String> domain() {
        return switch (role) {
            case AGENT -> Optional.of(name);
            case USER -> Optional.of(Aor.parse(name).domain());
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return role.label() + " " + name + overlay.map(o -> " in overlay " + o).orElse("");
    }
}
