package org.interlay.router.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.interlay.router.location.AddressOfRecord;
import org.junit.jupiter.api.Test;

class PidfCodecTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheExampleOfRfc3863WithExtensionsSkipped() throws Exception {
        String doc = """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:im="urn:ietf:params:xml:ns:pidf:im"
                          entity="pres:someone@example.com">
                  <tuple id="bs35r9">
                    <status><basic>open</basic><im:im>busy</im:im></status>
                    <contact priority="0.8">im:someone@mobilecarrier.net</contact>
                    <note xml:lang="en">Don't Disturb Please!</note>
                    <timestamp>2001-10-27T16:49:29Z</timestamp>
                  </tuple>
                  <note>Far away</note>
                </presence>
                """;
        PresenceDocument d = PidfCodec.parse(utf8(doc));
        assertEquals("pres:someone@example.com", d.entity());
        assertEquals(PresenceDocument.Basic.OPEN, d.overall());
        assertEquals("im:someone@mobilecarrier.net", d.tuples().get(0).contact());
        assertEquals("Don't Disturb Please!", d.firstNote());
        assertEquals(List.of("Far away"), d.notes());
    }

    @Test
    void whatItWritesItReads() throws Exception {
        PresenceDocument d = PresenceDocument.of("pres:bob@kad.lab", PresenceDocument.Basic.CLOSED, "at <home> & away");
        assertEquals(d, PidfCodec.parse(PidfCodec.format(d)));
    }

    @Test
    void refusesWhatIsNotPidfAndNeverReadsExternalEntities() {
        List<String> bad = List.of("", "not xml", "<presence entity=\"pres:a@b\"/>",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"><tuple id=\"t\"><status><basic>maybe</basic></status></tuple></presence>",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"><tuple><status><basic>open</basic></status></tuple></presence>",
                "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"><note>&x;</note></presence>");
        for (String b : bad) assertThrows(PidfFormatException.class, () -> PidfCodec.parse(utf8(b)), b);
    }

    @Test
    void entityMustNameThePresentity() {
        AddressOfRecord bob = AddressOfRecord.parse("sip:bob@kad.lab");
        assertTrue(PublishHandler.names("pres:bob@kad.lab", bob));
        assertTrue(PublishHandler.names("sip:bob@KAD.lab", bob));
        assertTrue(!PublishHandler.names("pres:alice@kad.lab", bob));
    }

    @Test
    void publicationRecordsRoundTrip() throws Exception {
        Publication p = new Publication("abc123", java.time.Instant.ofEpochMilli(1_700_000_000_000L), utf8("<presence/>\n"));
        Publication back = PublicationCodec.decode(PublicationCodec.encode(p));
        assertEquals(p.etag(), back.etag());
        assertEquals(p.expiresAt(), back.expiresAt());
        assertEquals(new String(p.pidf(), StandardCharsets.UTF_8), new String(back.pidf(), StandardCharsets.UTF_8));
    }
}
