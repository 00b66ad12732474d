package org.interlay.router.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.testing.NamespaceChild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3263 against a real BIND, and a MESSAGE out of an overlay to a conventional domain's second SRV target; see {@link Rfc3263Main}. */
@Tag("netns")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class Rfc3263Test {
    @TempDir
    Path dir;

    @Test
    void conventionalDomainsAreFoundAndReached() throws Exception {
        NamespaceChild.assumeAvailable("named", "tsig-keygen");
        NamespaceChild.Result r = NamespaceChild.run(Rfc3263Main.class, List.of(dir.toString()), dir.resolve("out.txt"),
                Duration.ofSeconds(100));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
    }
}
