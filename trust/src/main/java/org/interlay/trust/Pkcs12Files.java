package org.interlay.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * Credentials in one PKCS#12 file (the JDK's {@code KeyStore} of type PKCS12), for programs that import
 * a key and its chain as one file: the holder's key under the alias {@value #ALIAS}, with the chain
 * holder certificate, authority certificate. Written owner-readable only; never overwritten.
 */
public final class Pkcs12Files {
    /** The alias of the holder's key entry. */
    public static final String ALIAS = "interlay";

    private Pkcs12Files() {
    }

    public static void write(Path file, Credentials credentials, char[] password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, credentials.key(), password, new Certificate[] {credentials.certificate(), credentials.authority()});
            ks.store(bytes, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new TrustException("cannot encode the credentials as PKCS#12 for " + file + ": " + e.getMessage(), e);
        }
        PemFiles.writeBytes(file, bytes.toByteArray(), true);
    }

    /** The credentials in a PKCS#12 file; a TrustException for a wrong password, another format, or a missing entry. */
    public static Credentials read(Path file, char[] password) {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (NoSuchFileException e) {
            throw new TrustException(file + " does not exist");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TrustException(file + " is not a PKCS#12 file this password opens: " + e.getMessage(), e);
        }
        try {
            List<String> aliases = Collections.list(ks.aliases());
            String alias = aliases.contains(ALIAS) ? ALIAS : aliases.stream().filter(a -> isKey(ks, a)).findFirst()
                    .orElseThrow(() -> new TrustException(file + " holds no private key"));
            Certificate[] chain = ks.getCertificateChain(alias);
            if (!(ks.getKey(alias, password) instanceof PrivateKey key) || chain == null || chain.length != 2
                    || !(chain[0] instanceof X509Certificate cert) || !(chain[1] instanceof X509Certificate authority)) {
                throw new TrustException(file + " holds no key with its certificate and its authority's");
            }
            KeyMatch.require(key, cert, file, file);
            return new Credentials(cert, key, authority);
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + ": the key entry cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
