package org.interlay.discovery;

import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_ALGORITHM;
import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_HOST_PORT;
import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_INSTANCE_NAME;
import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_VALUE;
import static org.interlay.discovery.InvalidAdvertException.Problem.MISSING_KEY;
import static org.interlay.discovery.InvalidAdvertException.Problem.UNSUPPORTED_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnsSdAdvertCodecTest {

    private static final OverlayAdvert KAD_ROUTER = OverlayAdvert.of("kad", Adverts.KADEMLIA, "kad.lab",
            List.of(Adverts.at("10.77.0.3:4000"), Adverts.at("10.77.0.4:4000")), List.of(Adverts.at("10.77.0.3:5060")),
            NodeRole.ROUTER, "r1");

    private static Map<String, String> validTxt() {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put("ov", "kad");
        txt.put("algo", "kademlia");
        txt.put("domain", "kad.lab");
        txt.put("boot", "10.77.0.3:4000,10.77.0.4:4000");
        txt.put("sip", "10.77.0.3:5060");
        txt.put("role", "router");
        txt.put("v", "1");
        return txt;
    }

    private static Map<String, String> validTxtWith(String key, String value) {
        Map<String, String> txt = validTxt();
        if (value == null) {
            txt.remove(key);
        } else {
            txt.put(key, value);
        }
        return txt;
    }

    @Test
    void writesTheKeysOfTheDesign() {
        assertEquals(validTxt(), DnsSdAdvertCodec.toTxt(KAD_ROUTER).asMap());
        assertEquals("kad [r1]", DnsSdAdvertCodec.instanceName(KAD_ROUTER));
    }

    @Test
    void aNodeNamedAfterItsOverlayPublishesTheBareName() throws InvalidAdvertException {
        OverlayAdvert only = Adverts.chord("chord");
        assertEquals("chord", DnsSdAdvertCodec.instanceName(only));
        assertEquals(only, DnsSdAdvertCodec.fromService("chord", DnsSdAdvertCodec.toTxt(only).encode()));
    }

    @Test
    void roundTripsThroughTheWire() throws InvalidAdvertException {
        byte[] rdata = DnsSdAdvertCodec.toTxt(KAD_ROUTER).encode();
        assertEquals(KAD_ROUTER, DnsSdAdvertCodec.fromService("kad [r1]", rdata));
    }

    @Test
    void anAlgorithmThisProcessDoesNotKnowIsStillAValidAdvert() throws InvalidAdvertException {
        OverlayAdvert advert = DnsSdAdvertCodec.fromTxt(TxtRecord.of(validTxtWith("algo", "can")), "n1");
        assertEquals(Algorithm.named("can"), advert.algorithm());
        String longest = "k" + "-".repeat(Algorithm.MAX_LENGTH - 2) + "9";
        assertEquals(longest, DnsSdAdvertCodec.fromTxt(TxtRecord.of(validTxtWith("algo", longest)), "n1").algorithm().name());
    }

    @Test
    void anEmptySipListIsAllowed() throws InvalidAdvertException {
        OverlayAdvert advert = DnsSdAdvertCodec.fromTxt(TxtRecord.of(validTxtWith("sip", "")), "n1");
        assertEquals(List.of(), advert.sipEntryPoints());
    }

    @Test
    void unknownKeysAreIgnored() throws InvalidAdvertException {
        assertEquals(KAD_ROUTER, DnsSdAdvertCodec.fromTxt(TxtRecord.of(validTxtWith("future", "x")), "r1"));
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of(validTxtWith("ov", null), MISSING_KEY),
                Arguments.of(validTxtWith("algo", null), MISSING_KEY),
                Arguments.of(validTxtWith("domain", null), MISSING_KEY),
                Arguments.of(validTxtWith("boot", null), MISSING_KEY),
                Arguments.of(validTxtWith("sip", null), MISSING_KEY),
                Arguments.of(validTxtWith("role", null), MISSING_KEY),
                Arguments.of(validTxtWith("v", null), MISSING_KEY),
                Arguments.of(validTxtWith("v", "2"), UNSUPPORTED_VERSION),
                Arguments.of(validTxtWith("v", "01"), UNSUPPORTED_VERSION),
                Arguments.of(validTxtWith("algo", "Chord"), BAD_ALGORITHM),
                Arguments.of(validTxtWith("algo", ""), BAD_ALGORITHM),
                Arguments.of(validTxtWith("algo", "2chord"), BAD_ALGORITHM),
                Arguments.of(validTxtWith("algo", "chord ring"), BAD_ALGORITHM),
                Arguments.of(validTxtWith("algo", "a".repeat(Algorithm.MAX_LENGTH + 1)), BAD_ALGORITHM),
                Arguments.of(validTxtWith("role", "boss"), BAD_VALUE),
                Arguments.of(validTxtWith("boot", ""), BAD_VALUE),
                Arguments.of(validTxtWith("boot", "10.77.0.3"), BAD_HOST_PORT),
                Arguments.of(validTxtWith("boot", "10.77.0.3:4000,"), BAD_HOST_PORT),
                Arguments.of(validTxtWith("sip", "10.77.0.3:99999"), BAD_HOST_PORT),
                Arguments.of(validTxtWith("sip", "a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9"), BAD_VALUE),
                Arguments.of(validTxtWith("domain", "10.0.0.1"), BAD_VALUE),
                Arguments.of(validTxtWith("domain", "bad domain"), BAD_VALUE),
                Arguments.of(validTxtWith("ov", "has.dot"), BAD_VALUE),
                Arguments.of(Map.of("txtvers", "1", "path", "/index.html"), MISSING_KEY));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    void rejectsHalfOrForeignRecordsWithTheReason(Map<String, String> txt, InvalidAdvertException.Problem problem) {
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class,
                () -> DnsSdAdvertCodec.fromTxt(TxtRecord.of(txt), "n1"));
        assertEquals(problem, error.problem(), error.getMessage());
    }

    @Test
    void aKeyWithoutValueIsRejected() {
        byte[] rdata = TxtRecord.of(validTxtWith("boot", null)).encode();
        byte[] withFlag = new byte[rdata.length + 5];
        System.arraycopy(rdata, 0, withFlag, 0, rdata.length);
        withFlag[rdata.length] = 4;
        System.arraycopy("boot".getBytes(), 0, withFlag, rdata.length + 1, 4);
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class,
                () -> DnsSdAdvertCodec.fromService("kad [r1]", withFlag));
        assertEquals(BAD_VALUE, error.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pastry [r1]", "kad", "kad [r1", "kad[r1]", "kad [r 1]", "kad []", "kad [r1] (2)"})
    void theInstanceNameMustMatchTheOverlayAndNode(String instance) throws InvalidAdvertException {
        byte[] rdata = DnsSdAdvertCodec.toTxt(KAD_ROUTER).encode();
        if (instance.equals("kad")) {
            assertEquals("kad", DnsSdAdvertCodec.fromService(instance, rdata).nodeId(), "a bare name is the overlay's own node");
            return;
        }
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class,
                () -> DnsSdAdvertCodec.fromService(instance, rdata));
        assertEquals(BAD_INSTANCE_NAME, error.problem());
    }
}
