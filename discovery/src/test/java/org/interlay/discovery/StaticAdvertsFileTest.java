package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAdvertsFileTest {

    @Test
    void readsOneAdvertPerLineSkippingCommentsAndBlanks(@TempDir Path dir) throws IOException, InvalidAdvertException {
        Path file = dir.resolve("overlays.conf");
        Files.writeString(file, """
                # overlays behind the router, no multicast there
                ov=chord algo=chord domain=chord.lab boot=10.0.0.5:4000,10.0.0.6:4000 sip=10.0.0.5:5060 role=peer v=1

                ov=kad algo=kademlia domain=kad.lab boot=10.0.0.7:4000 sip= role=router v=1 node=gw1
                """);
        List<OverlayAdvert> adverts = StaticAdvertsFile.read(file);
        assertEquals(2, adverts.size());
        assertEquals("static-2", adverts.get(0).nodeId());
        assertEquals(2, adverts.get(0).bootstrapPeers().size());
        assertEquals(new AdvertKey("kad", "gw1"), adverts.get(1).key());
        assertEquals(NodeRole.ROUTER, adverts.get(1).role());
    }

    @Test
    void aBadLineRejectsTheFileAndSaysWhere() {
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class, () -> StaticAdvertsFile.parse(List.of(
                "ov=chord algo=chord domain=chord.lab boot=10.0.0.5:4000 sip= role=peer v=1",
                "ov=kad algo=kademlia domain=kad.lab boot=10.0.0.7 sip= role=peer v=1")));
        assertEquals(InvalidAdvertException.Problem.BAD_HOST_PORT, error.problem());
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void rejectsWordsThatAreNotPairsAndRepeatedKeys() {
        assertThrows(InvalidAdvertException.class, () -> StaticAdvertsFile.parse(List.of("ov=chord chord")));
        assertThrows(InvalidAdvertException.class, () -> StaticAdvertsFile.parse(List.of(
                "ov=chord ov=kad algo=chord domain=chord.lab boot=10.0.0.5:4000 sip= role=peer v=1")));
    }
}
