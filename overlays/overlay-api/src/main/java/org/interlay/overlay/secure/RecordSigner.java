package org.interlay.overlay.secure;

import java.security.cert.CertificateEncodingException;
import java.time.InstantSource;
import org.interlay.overlay.Record;
import org.interlay.overlay.RecordSignature;
import org.interlay.time.Clock;
import org.interlay.trust.Credentials;
import org.interlay.trust.Signer;
import org.interlay.trust.TrustException;

/**
 * Signs the records one writer (a user, an agent, a router) stores. The writer picks the version before
 * signing, and versions only move forward: at least one more than the last this signer gave, and at
 * least the wall clock in microseconds, so a restarted writer still supersedes what it wrote before.
 * Thread-safe.
 */
public final class RecordSigner {
    private final Signer signer;
    private final byte[] certificate;
    private final InstantSource wall;
    private long lastVersion;

    /**
     * @param credentials the writer's certificate and key
     * @param wall        the wall clock signing times are read from
     */
    public RecordSigner(Credentials credentials, InstantSource wall) {
        this.signer = credentials.signer();
        this.wall = wall;
        try {
            this.certificate = credentials.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new TrustException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
        if (certificate.length > RecordSignature.MAX_CERTIFICATE) {
            throw new TrustException("a certificate of " + certificate.length + " bytes is too long to go with records");
        }
    }

    /**
     * {@code r} signed, to live from now until its expiry, read on {@code clock} (the overlay node's, as
     * record expiry is); a record without a version (0) gets the next one.
     */
    public Record sign(Record r, Clock clock) {
        Record versioned = r.version() > 0 ? r : r.withVersion(nextVersion(0));
        synchronized (this) {
            lastVersion = Math.max(lastVersion, versioned.version());
        }
        long lifetime = Math.min(RecordSignature.MAX_LIFETIME_MILLIS, Math.max(0, r.expiresAtMillis() - clock.nowMillis()));
        long signedAt = wall.millis();
        byte[] sig = signer.sign(SignedRecordContent.of(versioned, signedAt, lifetime));
        return versioned.withSignature(new RecordSignature(certificate, signedAt, lifetime, sig));
    }

    /** The signed tombstone that removes {@code existing}, living {@code ttlMillis} on {@code clock}. */
    public Record tombstone(Record existing, long ttlMillis, Clock clock) {
        return sign(existing.tombstone(nextVersion(existing.version()), clock.nowMillis() + ttlMillis), clock);
    }

    /** The next version: above {@code atLeastAbove}, the last given, and the wall clock in microseconds. */
    public synchronized long nextVersion(long atLeastAbove) {
        lastVersion = Math.max(Math.max(lastVersion, atLeastAbove) + 1, wall.millis() * 1000);
        return lastVersion;
    }
}
