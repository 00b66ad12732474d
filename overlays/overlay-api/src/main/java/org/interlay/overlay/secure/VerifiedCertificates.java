package org.interlay.overlay.secure;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Fingerprint;
import org.interlay.trust.SignatureVerifier;

/**
 * Certificates a {@link RecordVerifier} has verified, by fingerprint, each until the end of its validity
 * (or of the authority's, if sooner); the least recently used goes when the table is full. Thread-safe.
 */
final class VerifiedCertificates {
    record Entry(CertifiedIdentity identity, SignatureVerifier verifier, Instant notBefore, Instant notAfter) {}

    private final Map<Fingerprint, Entry> entries;

    VerifiedCertificates(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Fingerprint, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The verified certificate with these DER bytes, if it is remembered and valid at {@code now}. */
    synchronized Optional<Entry> lookup(byte[] der, Instant now) {
        Fingerprint f = Fingerprint.of(der);
        Entry e = entries.get(f);
        if (e == null) return Optional.empty();
        if (now.isBefore(e.notBefore()) || now.isAfter(e.notAfter())) {
            entries.remove(f);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Remembers {@code cert} (its DER {@code der}), verified as {@code identity}, issued by {@code authority}. */
    synchronized Entry remember(byte[] der, X509Certificate cert, CertifiedIdentity identity, X509Certificate authority) {
        Instant notBefore = later(cert.getNotBefore().toInstant(), authority.getNotBefore().toInstant());
        Instant notAfter = earlier(cert.getNotAfter().toInstant(), authority.getNotAfter().toInstant());
        Entry e = new Entry(identity, SignatureVerifier.of(cert), notBefore, notAfter);
        entries.put(Fingerprint.of(der), e);
        return e;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
