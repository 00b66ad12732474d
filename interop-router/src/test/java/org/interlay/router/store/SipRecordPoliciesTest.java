package org.interlay.router.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.secure.RecordVerifier;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.offline.MailboxIndexCodec;
import org.interlay.router.offline.StoredMessageCodec;
import org.interlay.router.presence.PublicationCodec;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.time.Clock;
import org.junit.jupiter.api.Test;

/** Who may write each SIP kind, checked with real certificates and signatures. */
class SipRecordPoliciesTest {
    private static final InstantSource WALL = InstantSource.fixed(Instant.parse("2026-06-01T12:00:00Z"));
    private static final Clock NODE = () -> 1_000;
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:alice@chord.lab");

    private final Authority authority = authority();
    private final RecordVerifier verifier = new RecordVerifier(authority.trustStore(), SipRecordPolicies.TABLE, WALL);

    private static Authority authority() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(23);
            return Authority.create("lab", Duration.ofDays(3650), InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")), r);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Credentials issue(CertifiedIdentity id) {
        return authority.issue(id, Duration.ofDays(365));
    }

    private boolean accepted(CertifiedIdentity signer, String kind, String name) {
        Record r = new RecordSigner(issue(signer), WALL).sign(Record.of(kind, name, new byte[] {1}, "o", NODE.nowMillis(), 60_000), NODE);
        return verifier.refusal(r, NODE.nowMillis()).isEmpty();
    }

    private static final CertifiedIdentity CHORD_AGENT = CertifiedIdentity.agent("chord.lab");
    private static final CertifiedIdentity PASTRY_AGENT = CertifiedIdentity.agent("pastry.lab");
    private static final CertifiedIdentity ALICE_USER = CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab"));
    private static final CertifiedIdentity BOB_USER = CertifiedIdentity.user(Aor.parse("sip:bob@chord.lab"));
    private static final CertifiedIdentity ROUTER = CertifiedIdentity.router("r1");

    @Test
    void bindingsAndPresenceAreTheUsersOrTheirDomainAgents() {
        for (String[] kindName : new String[][] {{"sip-binding", ALICE.toString()},
                {PublicationCodec.KIND, PublicationCodec.recordName(ALICE.toString())}}) {
            assertTrue(accepted(CHORD_AGENT, kindName[0], kindName[1]), kindName[0]);
            assertTrue(accepted(ALICE_USER, kindName[0], kindName[1]), kindName[0]);
            assertEquals(false, accepted(BOB_USER, kindName[0], kindName[1]), kindName[0]);
            assertEquals(false, accepted(PASTRY_AGENT, kindName[0], kindName[1]), kindName[0]);
            assertEquals(false, accepted(ROUTER, kindName[0], kindName[1]), kindName[0]);
        }
    }

    @Test
    void bridgesAreRoutersOnly() {
        assertTrue(accepted(ROUTER, "sip-bridge", "bridge:pastry.lab"));
        assertEquals(false, accepted(CHORD_AGENT, "sip-bridge", "bridge:pastry.lab"));
        assertEquals(false, accepted(ALICE_USER, "sip-bridge", "bridge:pastry.lab"));
    }

    @Test
    void offlineMailboxesAreTheDomainAgentsOrARouter() {
        String index = MailboxIndexCodec.recordName(ALICE);
        String part = StoredMessageCodec.partName(ALICE, "m1", 2);
        for (String[] kindName : new String[][] {{MailboxIndexCodec.KIND, index}, {StoredMessageCodec.KIND, part},
                {StoredMessageCodec.KIND, StoredMessageCodec.recordName(ALICE, "m1")}}) {
            assertTrue(accepted(CHORD_AGENT, kindName[0], kindName[1]), kindName[1]);
            assertTrue(accepted(ROUTER, kindName[0], kindName[1]), "a router keeps a message that crossed it: " + kindName[1]);
            assertEquals(false, accepted(PASTRY_AGENT, kindName[0], kindName[1]), kindName[1]);
            assertEquals(false, accepted(ALICE_USER, kindName[0], kindName[1]), kindName[1]);
        }
    }

    @Test
    void otherKindsAreRefused() {
        assertEquals(false, accepted(CHORD_AGENT, "sip-something", ALICE.toString()));
    }

    @Test
    void agentsAndRoutersSignOnlyWithTheirOwnKindOfCertificate() {
        assertThrows(IllegalArgumentException.class,
                () -> SipAgentConfig.defaults("chord.lab", 0).withCredentials(issue(PASTRY_AGENT)));
        assertThrows(IllegalArgumentException.class,
                () -> SipAgentConfig.defaults("chord.lab", 0).withCredentials(issue(ROUTER)));
        assertEquals(Optional.of(CHORD_AGENT),
                SipAgentConfig.defaults("chord.lab", 0).withCredentials(issue(CHORD_AGENT)).signing().map(Credentials::identity));
        RouterConfig router = RouterConfig.defaults("r1", 0, java.util.List.of("chord.lab", "pastry.lab"));
        assertThrows(IllegalArgumentException.class, () -> router.withCredentials(issue(CHORD_AGENT)));
        assertTrue(router.withCredentials(issue(ROUTER)).signing().isPresent());
    }
}
