package org.interlay.trust;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The enrollment authority (RFC 6940 §11.3's enrollment server, offline): a key pair and a
 * self-signed CA certificate, and the issuing of certificates for nodes, users, agents and routers.
 * It chooses node-ids itself, at random, so a node cannot choose where it sits in an overlay.
 * Keys are ECDSA P-256; certificates are X.509 v3 built by BouncyCastle and signed with SHA256withECDSA.
 * Time and randomness are given (a clock for validity periods, a SecureRandom for keys, serials and node-ids).
 */
public final class Authority {
    /** The validity of an authority's certificate unless told otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final int SERIAL_BITS = 127; // positive and at most 16 bytes (RFC 5280 §4.1.2.2: at most 20)

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final String name;
    private final InstantSource clock;
    private final SecureRandom random;

    private Authority(X509Certificate certificate, PrivateKey key, InstantSource clock, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.name = commonName(certificate);
        this.clock = clock;
        this.random = random;
    }

    /** A new authority named {@code name}, its certificate valid for {@code validity} from now. */
    public static Authority create(String name, Duration validity, InstantSource clock, SecureRandom random) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an authority needs a name");
        KeyPair pair = KeyPairs.ecP256(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, name).addRDN(BCStyle.CN, name).build();
        Validity period = Validity.issuedAt(clock.instant(), validity);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(random), Date.from(period.notBefore()),
                    Date.from(period.notAfter()), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0)) // CA; issues end entities only
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new Authority(sign(b, pair.getPrivate()), pair.getPrivate(), clock, random);
        } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the authority's certificate", e);
        }
    }

    /** The authority saved in {@code dir} ({@code ca.pem}, {@code ca-key.pem}); a TrustException says what is missing or wrong. */
    public static Authority load(Path dir, InstantSource clock, SecureRandom random) {
        Path certFile = TrustDirectory.authorityCertificate(dir);
        Path keyFile = TrustDirectory.authorityKey(dir);
        if (!Files.isDirectory(dir)) throw new TrustException(dir + " is not a directory");
        if (!Files.exists(keyFile)) throw new TrustException(dir + " holds no authority (no " + TrustDirectory.AUTHORITY_KEY + ")");
        X509Certificate cert = PemFiles.readCertificate(certFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        if (cert.getBasicConstraints() < 0) throw new TrustException(certFile + " is not a certificate authority's certificate");
        KeyMatch.require(key, cert, keyFile, certFile);
        return new Authority(cert, key, clock, random);
    }

    /** Writes {@code ca.pem} and {@code ca-key.pem} (0600) into {@code dir}, made if missing; refuses if either exists. */
    public void save(Path dir) {
        Path certFile = TrustDirectory.authorityCertificate(dir);
        Path keyFile = TrustDirectory.authorityKey(dir);
        if (Files.exists(certFile) || Files.exists(keyFile)) {
            throw new TrustException(dir + " holds an authority already (" + (Files.exists(keyFile) ? TrustDirectory.AUTHORITY_KEY
                    : TrustDirectory.AUTHORITY_CERTIFICATE) + "); it is not overwritten");
        }
        Directories.create(dir);
        PemFiles.writePrivateKey(keyFile, key);
        PemFiles.writeCertificate(certFile, certificate);
    }

    /** A random node-id of {@value CertifiedIdentity#NODE_ID_BYTES} bytes, for {@link CertifiedIdentity#node}. */
    public byte[] newNodeId() {
        byte[] id = new byte[CertifiedIdentity.NODE_ID_BYTES];
        random.nextBytes(id);
        return id;
    }

    /**
     * A new key pair and a certificate for {@code identity}, valid for {@code validity} from now but not
     * beyond the authority's own certificate. A TrustException if the authority's certificate is not valid now.
     */
    public Credentials issue(CertifiedIdentity identity, Duration validity) {
        Instant now = clock.instant();
        Validity authorityPeriod = new Validity(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        if (!authorityPeriod.contains(now)) {
            throw new TrustException("the authority's certificate is not valid now (" + authorityPeriod.notBefore() + " .. "
                    + authorityPeriod.notAfter() + ")");
        }
        Validity period = Validity.issuedAt(now, validity).endingNoLaterThan(authorityPeriod.notAfter());
        KeyPair pair = KeyPairs.ecP256(random);
        return new Credentials(certify(identity, pair.getPublic(), period), pair.getPrivate(), certificate);
    }

    private X509Certificate certify(CertifiedIdentity identity, PublicKey subjectKey, Validity period) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    serial(random), Date.from(period.notBefore()), Date.from(period.notAfter()),
                    CertificateProfile.subject(name, identity), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, identity.role() == Role.USER
                            ? new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                            : new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, CertificateProfile.alternativeNames(identity))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            return sign(b, key);
        } catch (CertIOException | java.security.NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot build a certificate for " + identity, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate with " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(SERIAL_BITS, random).add(BigInteger.ONE);
    }

    private static String commonName(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var cns = subject.getRDNs(BCStyle.CN);
        return cns.length == 0 ? subject.toString()
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    /** The authority's self-signed certificate: what every holder keeps as {@code ca.pem}. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The authority's name (its certificate's common name). */
    public String name() {
        return name;
    }

    /** A trust store that accepts what this authority issues. */
    public TrustStore trustStore() {
        return new TrustStore(certificate);
    }
}
