package org.interlay.router.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

class TsigKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatTsigKeygenWrites() throws Exception {
        Path file = dir.resolve("key.conf");
        Files.writeString(file, "key \"interlay-update\" {\n\talgorithm hmac-sha256;\n\tsecret \"fygjmNjYzXVJA8V4/ekg8Dp4QRXbU+FO2Ag96WKsPTk=\";\n};\n");
        TsigKey key = TsigKeyFile.read(file);
        assertEquals(Name.fromString("interlay-update."), key.name());
        assertEquals(TSIG.HMAC_SHA256, key.algorithm());
    }

    @Test
    void commentsAreSkippedButNotInsideTheSecret() throws Exception {
        TsigKey key = TsigKeyFile.parse("# made for the lab\n// another comment\n/* and\n a block */ key update-key { algorithm HMAC-SHA512; "
                + "secret \"ab//cd+/ef==\"; }; # trailing\n", "test");
        assertEquals(Name.fromString("update-key."), key.name());
        assertEquals(TSIG.HMAC_SHA512, key.algorithm());
        assertEquals("key \"k\" { secret \"a//b\"; };", TsigKeyFile.withoutComments("key \"k\" { secret \"a//b\"; }; // gone"
                ).strip());
    }

    @Test
    void whatIsNotAKeyFileIsRefusedWithAReason() throws Exception {
        assertTrue(assertThrows(DnsConfigException.class, () -> TsigKeyFile.parse("zone \"lab\" {};", "f")).getMessage()
                .contains("no key"));
        assertTrue(assertThrows(DnsConfigException.class, () -> TsigKeyFile.parse("key k { secret \"AAAA\"; };", "f")).getMessage()
                .contains("no algorithm"));
        assertTrue(assertThrows(DnsConfigException.class, () -> TsigKeyFile.parse("key k { algorithm hmac-sha256; };", "f")).getMessage()
                .contains("no secret"));
        assertTrue(assertThrows(DnsConfigException.class,
                () -> TsigKeyFile.parse("key k { algorithm rot13; secret \"AAAA\"; };", "f")).getMessage().contains("unknown TSIG algorithm"));
        assertTrue(assertThrows(DnsConfigException.class,
                () -> TsigKeyFile.parse("key k { algorithm hmac-sha256; secret \"A===\"; };", "f")).getMessage().contains("not base64"));
        assertTrue(assertThrows(DnsConfigException.class, () -> TsigKeyFile.read(dir.resolve("missing"))).getMessage()
                .contains("cannot read"));
    }
}
