package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private final Authority authority = TestAuthorities.authority("Chord Lab", 31);
    private final Credentials alice = authority.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")), Duration.ofDays(1));
    private final Credentials node = authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.empty()), Duration.ofDays(1));
    private final byte[] record = "sip-binding alice@chord.lab -> 127.0.0.1:5070 v7".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithTheSignersCertificateOverTheSameBytes() {
        byte[] sig = alice.signer().sign(record);
        assertTrue(SignatureVerifier.of(alice.certificate()).verify(record, sig));
        assertTrue(SignatureVerifier.of(alice.certificate()).verify(record.clone(), sig));
    }

    @Test
    void aSignatureOverChangedBytesIsFalse() {
        byte[] sig = alice.signer().sign(record);
        for (int i = 0; i < record.length; i += 7) {
            byte[] changed = record.clone();
            changed[i] ^= 1;
            assertFalse(SignatureVerifier.of(alice.certificate()).verify(changed, sig), "bit flipped at " + i);
        }
        assertFalse(SignatureVerifier.of(alice.certificate()).verify(Arrays.copyOf(record, record.length + 1), sig));
    }

    @Test
    void anotherKeysSignatureOrATamperedOneIsFalse() {
        byte[] byNode = node.signer().sign(record);
        assertFalse(SignatureVerifier.of(alice.certificate()).verify(record, byNode), "the node signs as alice");
        byte[] sig = alice.signer().sign(record);
        byte[] tampered = sig.clone();
        tampered[tampered.length - 1] ^= 0x40;
        assertFalse(SignatureVerifier.of(alice.certificate()).verify(record, tampered));
    }

    @Test
    void bytesThatAreNoSignatureAreFalseNotACrash() {
        SignatureVerifier v = SignatureVerifier.of(alice.certificate());
        assertFalse(v.verify(record, new byte[0]));
        assertFalse(v.verify(record, new byte[] {0x30, 0x02, 0x01}));
        assertFalse(v.verify(record, new byte[72]));
        assertFalse(v.verify(new byte[0], alice.signer().sign(record)));
    }

    @Test
    void signaturesAreTheStandardOnesTheJdkChecksAndMakes() throws Exception {
        // the key is held in the provider's own form: it must still be the same key, signing the standard way
        byte[] ours = alice.signer().sign(record);
        java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(alice.certificate().getPublicKey());
        jdk.update(record);
        assertTrue(jdk.verify(ours), "the JDK checks our signature");
        jdk.initSign(alice.key());
        jdk.update(record);
        byte[] theirs = jdk.sign();
        assertTrue(SignatureVerifier.of(alice.certificate()).verify(record, theirs), "we check the JDK's signature");
        assertFalse(SignatureVerifier.of(node.certificate()).verify(record, theirs), "not with another key");
    }

    @Test
    void ed25519KeysSignAndVerifyToo() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, TestAuthorities.seeded(32));
        java.security.KeyPair pair = g.generateKeyPair();
        Signer signer = new Signer(pair.getPrivate());
        assertTrue(signer.algorithm().equals("Ed25519"));
        byte[] sig = signer.sign(record);
        assertTrue(new SignatureVerifier(pair.getPublic()).verify(record, sig));
        byte[] changed = record.clone();
        changed[0] ^= 1;
        assertFalse(new SignatureVerifier(pair.getPublic()).verify(changed, sig));
        assertFalse(SignatureVerifier.of(alice.certificate()).verify(record, sig), "an Ed25519 signature is no ECDSA one");
    }
}
