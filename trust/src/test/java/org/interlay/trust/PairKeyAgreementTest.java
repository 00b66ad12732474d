package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairKeyAgreementTest {
    private final Authority authority = TestAuthorities.authority("Chord Lab", 41);
    private final Credentials a = node(), b = node(), c = node();

    private Credentials node() {
        return authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.empty()), Duration.ofDays(1));
    }

    private static PairKeys keys(Credentials mine, Credentials theirs) {
        return PairKeyAgreement.of(mine).orElseThrow().with(theirs.certificate().getPublicKey(), theirs.fingerprint()).orElseThrow();
    }

    private static byte[] bytes(javax.crypto.SecretKey k) {
        return k.getEncoded();
    }

    @Test
    void bothSidesAgreeOnEachDirectionAndTheDirectionsDiffer() {
        PairKeys ab = keys(a, b), ba = keys(b, a);
        assertArrayEquals(bytes(ab.sending()), bytes(ba.receiving()), "what a sends is what b receives");
        assertArrayEquals(bytes(ab.receiving()), bytes(ba.sending()), "and the other way");
        assertFalse(Arrays.equals(bytes(ab.sending()), bytes(ab.receiving())), "a's sending key is not its receiving key");
        assertEquals(PairKeys.KEY_BYTES, bytes(ab.sending()).length);
        assertEquals(PairKeys.MAC_ALGORITHM, ab.sending().getAlgorithm());
    }

    @Test
    void anotherPairHasOtherKeys() {
        PairKeys ab = keys(a, b), ac = keys(a, c), cb = keys(c, b);
        assertFalse(Arrays.equals(bytes(ab.sending()), bytes(ac.sending())));
        assertFalse(Arrays.equals(bytes(ab.sending()), bytes(cb.sending())));
        assertFalse(Arrays.equals(bytes(ab.receiving()), bytes(cb.receiving())), "c cannot make what b takes from a");
    }

    @Test
    void theSameCertificatesAgreeTheSameKeysAgain() {
        assertArrayEquals(bytes(keys(a, b).sending()), bytes(keys(a, b).sending()));
    }

    @Test
    void onlyP256KeysAgree() throws Exception {
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        var edKey = ed.generateKeyPair().getPublic();
        assertFalse(PairKeyAgreement.isP256(edKey));
        assertTrue(PairKeyAgreement.of(a).orElseThrow().with(edKey, b.fingerprint()).isEmpty(), "an Ed25519 key agrees nothing");
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"), TestAuthorities.seeded(5));
        var other = p384.generateKeyPair();
        assertFalse(PairKeyAgreement.isP256(other.getPublic()), "P-384 is another curve");
        assertTrue(PairKeyAgreement.of(a).orElseThrow().with(other.getPublic(), b.fingerprint()).isEmpty());
        assertTrue(PairKeyAgreement.isP256(a.certificate().getPublicKey()));
        assertTrue(PairKeyAgreement.isP256(a.key()));
    }
}
