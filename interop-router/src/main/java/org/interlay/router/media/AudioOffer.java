package org.interlay.router.media;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Vector;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SdpParseException;
import javax.sdp.SessionDescription;

/**
 * The session descriptions of a call's audio (RFC 4566), built and read with JAIN-SIP's SDP library:
 * one audio stream of PCMU (payload type 0) over RTP/AVP, at the address and port of an
 * {@link RtpStream}. An offer or answer is accepted when it has a connection address and an audio
 * stream on a non-zero port that offers PCMU (RFC 3264 section 6: a stream it rejects has port 0).
 */
public final class AudioOffer {
    private static final String CODEC_LINE = "0 PCMU/8000";

    private AudioOffer() {
    }

    /** The description of audio received at {@code media}; {@code sessionId} keeps o= the same across a call. */
    public static byte[] describe(InetSocketAddress media, long sessionId, String user) {
        try {
            SdpFactory sdp = SdpFactory.getInstance();
            String host = media.getAddress().getHostAddress();
            SessionDescription d = sdp.createSessionDescription();
            d.setOrigin(sdp.createOrigin(user.isEmpty() ? "-" : user, sessionId, sessionId, "IN", "IP4", host));
            d.setSessionName(sdp.createSessionName("call"));
            d.setConnection(sdp.createConnection("IN", "IP4", host));
            d.setTimeDescriptions(new Vector<>(List.of(sdp.createTimeDescription())));
            MediaDescription audio = sdp.createMediaDescription("audio", media.getPort(), 1, "RTP/AVP", new int[] {RtpStream.PCMU});
            audio.setAttributes(new Vector<>(List.of(sdp.createAttribute("rtpmap", CODEC_LINE),
                    sdp.createAttribute("ptime", Long.toString(RtpStream.PACKET_MILLIS)), sdp.createAttribute("sendrecv", null))));
            d.setMediaDescriptions(new Vector<>(List.of(audio)));
            return d.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (SdpException e) {
            throw new IllegalStateException("cannot describe audio at " + media, e);
        }
    }

    /** Where the far end receives its audio, read from its description. */
    public static InetSocketAddress mediaTarget(byte[] body) throws MediaRefusedException {
        if (body == null || body.length == 0) throw new MediaRefusedException("no session description");
        try {
            SessionDescription d = SdpFactory.getInstance().createSessionDescription(new String(body, StandardCharsets.US_ASCII));
            @SuppressWarnings("unchecked")
            Vector<MediaDescription> media = d.getMediaDescriptions(false);
            if (media == null) throw new MediaRefusedException("no media in the session description");
            for (MediaDescription m : media) {
                Media line = m.getMedia();
                if (!"audio".equals(line.getMediaType()) || line.getMediaPort() == 0) continue;
                if (!line.getMediaFormats(false).contains(Integer.toString(RtpStream.PCMU))) continue;
                Connection c = m.getConnection() != null ? m.getConnection() : d.getConnection();
                if (c == null) throw new MediaRefusedException("no connection address for the audio");
                if (!"IP4".equals(c.getAddressType())) throw new MediaRefusedException("audio on " + c.getAddressType() + ", not IP4");
                return new InetSocketAddress(InetAddress.getByName(literal(c.getAddress())), line.getMediaPort());
            }
            throw new MediaRefusedException("no PCMU audio stream offered");
        } catch (SdpParseException e) {
            throw new MediaRefusedException("not a session description: " + e.getMessage());
        } catch (SdpException | UnknownHostException e) {
            throw new MediaRefusedException("unusable session description: " + e.getMessage());
        }
    }

    /** An IPv4 literal as it is; anything else is refused rather than looked up in DNS on a SIP thread. */
    private static String literal(String address) throws MediaRefusedException {
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) throw new MediaRefusedException("audio address is not an IPv4 literal: " + address);
        return address;
    }
}
