package org.interlay.overlay.secure;

import java.nio.file.Path;
import org.interlay.overlay.Key;
import org.interlay.trust.Credentials;
import org.interlay.trust.Role;
import org.interlay.trust.TrustStore;

/**
 * A node's enrolment in a secure overlay (RFC 6940 §11.3): the authority whose certificates it accepts,
 * and its own node certificate and key. The node sits where its certificate says: its id is the
 * node-id the authority chose, never one derived from its address.
 *
 * @param authority   the certificates this node accepts: those the authority issued
 * @param credentials this node's certificate (role node) and private key
 * @param records     who may write each kind of record (RFC 6940 §7.3); kinds it does not name are refused
 */
public record OverlayTrust(TrustStore authority, Credentials credentials, RecordPolicies records) {
    public OverlayTrust {
        if (authority == null || credentials == null) throw new IllegalArgumentException("a secure node needs an authority and credentials");
        if (records == null) throw new IllegalArgumentException("a secure node needs its record policies (RecordPolicies.NONE stores nothing)");
        byte[] id = credentials.identity().nodeId()
                .orElseThrow(() -> new IllegalArgumentException("not a node certificate: " + credentials.identity()));
        if (id.length != Key.BYTES) throw new IllegalArgumentException("a node-id has " + Key.BYTES + " bytes");
    }

    /** A node that stores no record until given its kinds' policies ({@link #withRecords}). */
    public OverlayTrust(TrustStore authority, Credentials credentials) {
        this(authority, credentials, RecordPolicies.NONE);
    }

    /** This enrolment, storing the record kinds {@code policies} name. */
    public OverlayTrust withRecords(RecordPolicies policies) {
        return new OverlayTrust(authority, credentials, policies);
    }

    /**
     * The trust directory written by {@code interlay enroll node}: {@code ca.pem}, {@code node.pem}, {@code node-key.pem}.
     * It stores no record until given the kinds' policies ({@link #withRecords}, e.g. the SIP kinds' table).
     */
    public static OverlayTrust load(Path dir) {
        Credentials c = Credentials.load(dir, Role.NODE);
        return new OverlayTrust(c.trustStore(), c);
    }

    /** The node-id the authority put in this node's certificate. */
    public Key nodeId() {
        return Key.fromBytes(credentials.identity().nodeId().orElseThrow(), 0);
    }
}
