package org.interlay.overlay.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Role;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final CertifiedIdentity ALICE = CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab"));
    private static final CertifiedIdentity BOB = CertifiedIdentity.user(Aor.parse("sip:bob@chord.lab"));
    private static final CertifiedIdentity CHORD_AGENT = CertifiedIdentity.agent("chord.lab");
    private static final CertifiedIdentity PASTRY_AGENT = CertifiedIdentity.agent("pastry.lab");
    private static final CertifiedIdentity ROUTER = CertifiedIdentity.router("r1");
    private static final byte[] NODE_ID = new byte[20];
    private static final CertifiedIdentity NODE = CertifiedIdentity.node(NODE_ID, Optional.empty());

    private static Record named(String kind, String name) {
        return Record.of(kind, name, "v".getBytes(StandardCharsets.UTF_8), "o", 0, 1000);
    }

    @Test
    void userMatchLetsTheUserAndItsDomainsAgentWrite() {
        AccessPolicy p = AccessPolicy.userMatch(TestEnrolment::aor);
        Record alice = named("sip-binding", "sip:alice@chord.lab");
        assertEquals(Optional.empty(), p.refusal(alice, ALICE));
        assertEquals(Optional.empty(), p.refusal(alice, CHORD_AGENT));
        assertTrue(p.refusal(alice, BOB).isPresent());
        assertTrue(p.refusal(alice, PASTRY_AGENT).isPresent());
        assertTrue(p.refusal(alice, ROUTER).isPresent());
        assertTrue(p.refusal(alice, NODE).isPresent());
        assertTrue(p.refusal(named("sip-binding", "not an address"), CHORD_AGENT).isPresent());
    }

    @Test
    void domainAgentLetsOnlyThatDomainsAgentWrite() {
        AccessPolicy p = AccessPolicy.domainAgent(name -> TestEnrolment.aor(name).map(Aor::domain));
        Record r = named("sip-offline-index", "sip:alice@chord.lab");
        assertEquals(Optional.empty(), p.refusal(r, CHORD_AGENT));
        assertTrue(p.refusal(r, ALICE).isPresent(), "not even the user: the agent keeps the mailbox");
        assertTrue(p.refusal(r, PASTRY_AGENT).isPresent());
    }

    @Test
    void nodeMatchLetsOnlyTheNodeDescribedWrite() {
        AccessPolicy p = AccessPolicy.nodeMatch("node:");
        assertEquals(Optional.empty(), p.refusal(named("node-info", "node:" + HexFormat.of().formatHex(NODE_ID)), NODE));
        byte[] other = NODE_ID.clone();
        other[19] = 1;
        assertTrue(p.refusal(named("node-info", "node:" + HexFormat.of().formatHex(other)), NODE).isPresent());
        assertTrue(p.refusal(named("node-info", "node:" + HexFormat.of().formatHex(NODE_ID)), ROUTER).isPresent());
    }

    @Test
    void roleLetsOnlyThoseRolesWrite() {
        AccessPolicy p = AccessPolicy.role(Role.ROUTER);
        Record bridge = named("sip-bridge", "bridge:pastry.lab");
        assertEquals(Optional.empty(), p.refusal(bridge, ROUTER));
        assertTrue(p.refusal(bridge, CHORD_AGENT).isPresent());
        assertTrue(p.refusal(bridge, NODE).isPresent());
    }
}
