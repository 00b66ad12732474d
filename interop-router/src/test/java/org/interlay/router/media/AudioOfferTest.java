package org.interlay.router.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudioOfferTest {
    @Test
    void anOfferNamesTheStreamsAddressAndPort() throws Exception {
        InetSocketAddress media = new InetSocketAddress("10.77.0.3", 40002);
        byte[] sdp = AudioOffer.describe(media, 12345, "alice");
        String text = new String(sdp, StandardCharsets.US_ASCII);
        assertTrue(text.contains("c=IN IP4 10.77.0.3"), text);
        assertTrue(text.contains("m=audio 40002 RTP/AVP 0"), text);
        assertTrue(text.contains("a=rtpmap:0 PCMU/8000"), text);
        assertEquals(media, AudioOffer.mediaTarget(sdp));
    }

    @Test
    void anOfferFromAnotherPhoneIsRead() throws Exception {
        String baresipLike = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 10000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        assertEquals(new InetSocketAddress("127.0.0.1", 10000), AudioOffer.mediaTarget(baresipLike.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anOfferThisSideCannotTakeIsRefusedWithAReason() {
        assertThrows(MediaRefusedException.class, () -> AudioOffer.mediaTarget(null));
        assertThrows(MediaRefusedException.class, () -> AudioOffer.mediaTarget("not sdp at all".getBytes(StandardCharsets.US_ASCII)));
        String noPcmu = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 10000 RTP/AVP 8\r\n";
        assertThrows(MediaRefusedException.class, () -> AudioOffer.mediaTarget(noPcmu.getBytes(StandardCharsets.US_ASCII)));
        String rejected = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n";
        assertThrows(MediaRefusedException.class, () -> AudioOffer.mediaTarget(rejected.getBytes(StandardCharsets.US_ASCII)));
        String byName = "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nc=IN IP4 phone.example\r\nt=0 0\r\nm=audio 10000 RTP/AVP 0\r\n";
        assertThrows(MediaRefusedException.class, () -> AudioOffer.mediaTarget(byName.getBytes(StandardCharsets.US_ASCII)));
    }
}
