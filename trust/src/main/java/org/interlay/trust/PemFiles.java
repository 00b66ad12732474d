package org.interlay.trust;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys in PEM files, as OpenSSL reads and writes them: certificates as
 * {@code CERTIFICATE}, keys as unencrypted PKCS#8 {@code PRIVATE KEY} (OpenSSL's traditional
 * {@code EC PRIVATE KEY} is read too). Files are never overwritten; secret ones are made readable by
 * their owner only (0600) from the moment they exist. BouncyCastle parses and writes; every failure is a
 * {@link TrustException} naming the file.
 */
public final class PemFiles {
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PemFiles() {
    }

    public static X509Certificate readCertificate(Path file) {
        Object o = readObject(file);
        if (!(o instanceof X509CertificateHolder holder)) throw new TrustException(file + " holds no certificate" + found(o));
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw new TrustException(file + ": the certificate does not parse: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        Object o = readObject(file);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            if (o instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
        } catch (IOException | RuntimeException e) {
            throw new TrustException(file + ": the private key does not parse: " + e.getMessage(), e);
        }
        throw new TrustException(file + " holds no unencrypted private key" + found(o));
    }

    /** Writes a certificate; a TrustException if the file exists. */
    public static void writeCertificate(Path file, X509Certificate cert) {
        write(file, pem(cert), false);
    }

    /** Writes a private key, readable by its owner only; a TrustException if the file exists. */
    public static void writePrivateKey(Path file, PrivateKey key) {
        try {
            write(file, pem(new JcaPKCS8Generator(key, null)), true);
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new TrustException("cannot encode the private key for " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes text, readable by its owner only when {@code secret} (from the moment the file exists); a TrustException if the file exists. */
    public static void write(Path file, String text, boolean secret) {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** Writes bytes, readable by its owner only when {@code secret} (from the moment the file exists); a TrustException if the file exists. */
    public static void writeBytes(Path file, byte[] bytes, boolean secret) {
        try {
            if (secret) {
                createOwnerOnly(file);
                Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new TrustException(file + " exists; it is not overwritten");
        } catch (IOException e) {
            throw new TrustException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A TrustException naming the first of {@code files} that exists: checked before writing any, so a refusal leaves none half made. */
    public static void requireAbsent(List<Path> files) {
        for (Path f : files) {
            if (Files.exists(f)) throw new TrustException(f + " exists; it is not overwritten");
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its own access control applies
        }
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new TrustException("cannot encode " + o.getClass().getSimpleName() + " as PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static Object readObject(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (o == null) throw new TrustException(file + " is not a PEM file (no -----BEGIN line)");
            return o;
        } catch (NoSuchFileException e) {
            throw new TrustException(file + " does not exist");
        } catch (IOException | RuntimeException e) {
            if (e instanceof TrustException t) throw t;
            throw new TrustException(file + " is not a readable PEM file: " + e.getMessage(), e);
        }
    }

    private static String found(Object o) {
        return " (found " + o.getClass().getSimpleName() + ")";
    }
}
