package org.interlay.overlay.secure;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Frame;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.FrameKind;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.Fingerprint;
import org.interlay.trust.PairKeyAgreement;
import org.interlay.trust.PairKeys;
import org.interlay.trust.Role;
import org.interlay.trust.Signer;
import org.interlay.trust.TrustStore;

/**
 * Authenticated frames of a secure overlay (RFC 6940 §11.3: only whom the authority enrolled takes part).
 * Every frame sent is sealed ({@link SealedFrame}) over the frame, a timestamp and a nonce: signed by this
 * node's key and carrying its certificate, or its certificate's fingerprint once the peer is known to hold
 * it; and once each side holds the other's certificate, MACed instead of signed, under the key the two
 * agreed from their certificates ({@link org.interlay.trust.PairKeyAgreement}, once per pair, kept for
 * {@link #MAX_PAIR_KEYS} peers). Every frame received is opened: it is taken only if its certificate is one
 * the authority issued and valid now, of role node naming the frame's sender node-id (and this overlay, if
 * it names one), the signature verifies (or the MAC, made for this receiver by that sender), the timestamp
 * is within {@link #WINDOW_MILLIS} of this node's time and the frame was not taken before. A client's
 * request may be signed by any certificate of the authority (user, agent, router or node): the overlay
 * serves only enrolled parties.
 *
 * <p>When a peer holds our certificate: when a frame it authenticated says so (its receiver hint names our
 * certificate's fingerprint: it has verified our certificate from this address), until a frame of it
 * says otherwise (a peer that forgot it, or restarted, sends no hint or another). A frame to such a peer is
 * MACed if we hold its certificate, verified from its address and valid now, and both certificates' keys
 * are EC P-256; else it is signed. Retransmissions and repeated answers are signed and carry the
 * certificate again, and a peer that timed out or restarted is no longer counted as holding it, so a peer
 * that forgot the certificate gets it back. A MAC proves the frame to its receiver only (either side could
 * have made it): it is never kept or shown to a third party as proof. Not thread-safe: the node's
 * scheduler thread owns it.
 */
public final class FrameSecurity {
    /** How far a frame's timestamp may be from the receiver's time, either way. */
    public static final long WINDOW_MILLIS = 30_000;
    static final int MAX_CERTIFICATES = 4096;
    static final int MAX_HOLDERS = 4096;
    static final int MAX_REMEMBERED_FRAMES = 65_536;
    /** Peers whose agreed MAC keys are kept. */
    static final int MAX_PAIR_KEYS = 4096;

    private final Signer signer;
    private final byte[] certificate;
    private final Fingerprint fingerprint;
    private final String overlayName;
    private final InstantSource clock;
    private final CertificateCache certificates;
    private final ReplayMemory replays = new ReplayMemory(MAX_REMEMBERED_FRAMES);
    private final PairKeyCache pairKeys;
    private final FrameMac mac = new FrameMac();
    /** Peers known to hold our certificate, the least recently used forgotten beyond a bound. */
    private final Map<Address, Boolean> holders = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, Boolean> eldest) {
            return size() > MAX_HOLDERS;
        }
    };
    /** The certificate last verified from each address, the least recently used forgotten beyond a bound. */
    private final Map<Address, Fingerprint> certificateAt = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, Fingerprint> eldest) {
            return size() > MAX_HOLDERS;
        }
    };
    private final int myHint;
    private long nonce;

    /**
     * @param authority   whose certificates are accepted
     * @param credentials this party's certificate and key (a node's for a peer; any role for a client)
     * @param overlayName this overlay: node certificates naming another are refused
     * @param clock       the time frames are stamped with and checked against
     */
    public FrameSecurity(TrustStore authority, Credentials credentials, String overlayName, InstantSource clock) {
        this.signer = credentials.signer();
        try {
            this.certificate = credentials.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode this node's certificate: " + e.getMessage(), e);
        }
        this.fingerprint = credentials.fingerprint();
        this.myHint = SealedFrame.hintOf(fingerprint);
        this.overlayName = overlayName;
        this.clock = clock;
        this.certificates = new CertificateCache(authority, MAX_CERTIFICATES);
        this.pairKeys = new PairKeyCache(PairKeyAgreement.of(credentials), MAX_PAIR_KEYS);
    }

    public static FrameSecurity of(OverlayTrust trust, String overlayName, InstantSource clock) {
        return new FrameSecurity(trust.authority(), trust.credentials(), overlayName, clock);
    }

    /**
     * The datagram for an encoded open frame: sealed, with the certificate itself unless {@code to} is
     * known to hold it and {@code fullCertificate} is false; MACed rather than signed if, besides, we
     * hold {@code to}'s certificate and share keys with it.
     */
    public byte[] seal(byte[] frame, Address to, boolean fullCertificate) {
        boolean byFingerprint = !fullCertificate && holders.containsKey(to);
        Fingerprint peer = certificateAt.get(to);
        int hint = peer == null ? 0 : SealedFrame.hintOf(peer);
        long now = clock.millis();
        Optional<PairKeys> keys = byFingerprint && peer != null ? keysWith(peer, Instant.ofEpochMilli(now)) : Optional.empty();
        if (keys.isPresent()) {
            var unmacced = SealedFrame.unmacced(now, nonce++, hint, fingerprint, frame);
            byte[] bytes = unmacced.toByteArray();
            return SealedFrame.withAuthenticator(unmacced, mac.of(keys.get().sending(), bytes, 0, bytes.length));
        }
        var unsigned = SealedFrame.unsigned(now, nonce++, hint, byFingerprint ? null : certificate, fingerprint, frame);
        return SealedFrame.withAuthenticator(unsigned, signer.sign(unsigned.toByteArray()));
    }

    /** The keys shared with the holder of the certificate {@code peer}, if it is known here, valid and agrees keys. */
    private Optional<PairKeys> keysWith(Fingerprint peer, Instant now) {
        return certificates.validAt(peer, now).flatMap(v -> pairKeys.with(peer, v.key()));
    }

    /** {@code peer} may have lost our certificate (it timed out, or restarted). */
    public void forgottenBy(Address peer) {
        holders.remove(peer);
    }

    /**
     * The frame in a sealed datagram, if every check passes; a WireFormatException if it does not parse,
     * a FrameRefusedException with the reason if it is refused.
     */
    public Frame open(Address from, byte[] data, int offset, int length, FrameCodec codec)
            throws WireFormatException, FrameRefusedException {
        if (!SealedFrame.isSealed(data, offset, length)) {
            throw new FrameRefusedException(FrameRefusal.UNSIGNED, "an unsigned frame in a secure overlay");
        }
        SealedFrame sealed = SealedFrame.parse(data, offset, length);
        long now = clock.millis();
        if (Math.abs(sealed.timestamp() - now) > WINDOW_MILLIS) {
            throw new FrameRefusedException(FrameRefusal.STALE, "timestamp " + (sealed.timestamp() - now) + " ms from now");
        }
        Frame frame = codec.decode(sealed.frame());
        Instant at = Instant.ofEpochMilli(now);
        CertificateCache.Verified signer = sealed.certificate() != null
                ? certificates.verify(sealed.certificate(), sealed.fingerprint(), at)
                : certificates.known(sealed.fingerprint(), at).orElseThrow(() -> new FrameRefusedException(
                        FrameRefusal.UNKNOWN_CERTIFICATE, "certificate " + sealed.fingerprint() + " is not known here"));
        checkSender(signer.identity(), frame);
        if (sealed.macced()) {
            PairKeys keys = pairKeys.with(sealed.fingerprint(), signer.key()).orElseThrow(() -> new FrameRefusedException(
                    FrameRefusal.BAD_MAC, "a MAC from " + signer.identity() + ", whose key agrees none with ours"));
            if (!mac.verifies(keys.receiving(), data, offset, sealed.authenticatedLength(), sealed.authenticator())) {
                throw new FrameRefusedException(FrameRefusal.BAD_MAC, "MAC of " + signer.identity() + " does not check");
            }
        } else if (!signer.verifier().verify(sealed.authenticatedPart(data, offset), sealed.authenticator())) {
            throw new FrameRefusedException(FrameRefusal.BAD_SIGNATURE, "signature of " + signer.identity() + " does not verify");
        }
        if (!replays.firstTime(sealed.fingerprint(), sealed.timestamp(), sealed.nonce(), now - WINDOW_MILLIS)) {
            throw new FrameRefusedException(FrameRefusal.REPLAYED, "frame " + sealed.nonce() + " of " + signer.identity() + " seen before");
        }
        certificateAt.put(from, sealed.fingerprint());
        if (sealed.receiverHint() == myHint) {
            holders.put(from, Boolean.TRUE);
        } else {
            holders.remove(from); // it has not got our certificate (any more): the next frame carries it
        }
        return frame;
    }

    /** A peer's frame must come from the node its certificate names, enrolled here; a client's from anyone enrolled. */
    private void checkSender(CertifiedIdentity identity, Frame frame) throws FrameRefusedException {
        if (identity.role() == Role.NODE && identity.overlay().isPresent() && !identity.overlay().get().equals(overlayName)) {
            throw new FrameRefusedException(FrameRefusal.WRONG_OVERLAY, identity + ", not in " + overlayName);
        }
        if (frame.kind() == FrameKind.CLIENT_REQUEST) return;
        if (identity.role() != Role.NODE) {
            throw new FrameRefusedException(FrameRefusal.WRONG_ROLE, "a peer's frame signed by a " + identity.role().label());
        }
        byte[] id = identity.nodeId().orElseThrow();
        if (!Arrays.equals(id, frame.sender().id().toBytes())) {
            throw new FrameRefusedException(FrameRefusal.NODE_ID_MISMATCH, "sender " + frame.sender().id().shortHex()
                    + " signed by " + Key.fromBytes(id, 0).shortHex());
        }
    }

    /** Peers whose MAC keys are agreed and kept (for tests). */
    int pairKeysKept() {
        return pairKeys.size();
    }

    /** Key agreements computed so far (for tests: once per pair while its keys are kept). */
    long pairAgreements() {
        return pairKeys.agreements();
    }

    /** Certificates verified and held now (for stats and tests). */
    public int knownCertificates() {
        return certificates.size();
    }
}
