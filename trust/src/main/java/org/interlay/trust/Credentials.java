package org.interlay.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a holder (node, user, agent, router) keeps: its certificate and private key, and the certificate
 * of the authority that issued it. Saved as a trust directory (see {@link TrustDirectory}).
 *
 * @param certificate the holder's certificate
 * @param key         the holder's private key
 * @param authority   the authority's certificate
 */
public record Credentials(X509Certificate certificate, PrivateKey key, X509Certificate authority) {
    public Credentials {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(authority, "authority");
    }

    /**
     * The credentials in {@code dir}: {@code ca.pem} and the one {@code <role>.pem} with its key there. A
     * TrustException if there is none, more than one, or a key that is not the certificate's.
     */
    public static Credentials load(Path dir) {
        List<Role> present = Arrays.stream(Role.values()).filter(r -> Files.exists(TrustDirectory.certificate(dir, r))).toList();
        if (present.isEmpty()) {
            throw new TrustException(dir + " holds no certificate (node.pem, user.pem, agent.pem or router.pem)");
        }
        if (present.size() > 1) throw new TrustException(dir + " holds certificates of several roles " + present + "; name one");
        return load(dir, present.get(0));
    }

    /** The credentials of {@code role} in {@code dir} ({@code ca.pem}, {@code <role>.pem}, {@code <role>-key.pem}). */
    public static Credentials load(Path dir, Role role) {
        Path certFile = TrustDirectory.certificate(dir, role);
        Path keyFile = TrustDirectory.key(dir, role);
        X509Certificate cert = PemFiles.readCertificate(certFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        KeyMatch.require(key, cert, keyFile, certFile);
        return new Credentials(cert, key, PemFiles.readCertificate(TrustDirectory.authorityCertificate(dir)));
    }

    /** The files {@link #save} writes into {@code dir}. */
    public List<Path> files(Path dir) {
        Role role = identity().role();
        return List.of(TrustDirectory.authorityCertificate(dir), TrustDirectory.certificate(dir, role), TrustDirectory.key(dir, role));
    }

    /**
     * Writes the trust directory (made if missing); refuses, writing nothing, if any of its files exists,
     * except the authority's certificate when it is this one: one directory may hold a holder's
     * credentials of several roles (a node's {@code node.pem} beside its agent's {@code agent.pem}).
     */
    public void save(Path dir) {
        List<Path> files = files(dir);
        boolean sameAuthority = Files.exists(files.get(0)) && sameCertificate(files.get(0), authority);
        PemFiles.requireAbsent(sameAuthority ? files.subList(1, files.size()) : files);
        Directories.create(dir);
        if (!sameAuthority) PemFiles.writeCertificate(files.get(0), authority);
        PemFiles.writePrivateKey(files.get(2), key);
        PemFiles.writeCertificate(files.get(1), certificate);
    }

    private static boolean sameCertificate(Path file, X509Certificate expected) {
        try {
            return PemFiles.readCertificate(file).equals(expected);
        } catch (TrustException e) {
            return false;
        }
    }

    /** Who the certificate names (unchecked: check it with {@link #trustStore()} first when it came from elsewhere). */
    public CertifiedIdentity identity() {
        return CertificateProfile.identityOf(certificate);
    }

    public Signer signer() {
        return new Signer(key);
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate);
    }

    /** A trust store of the authority these credentials came with. */
    public TrustStore trustStore() {
        return new TrustStore(authority);
    }
}
