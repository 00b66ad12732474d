package org.interlay.harness.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Kamailio serving cs.lab and three overlays, found by each other through a real BIND; see {@link KamailioInteropMain}. */
@Tag("netns")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KamailioInteropTest {
    @TempDir
    Path dir;

    @Test
    void messagesAndCallsCrossBetweenKamailioAndTheOverlays() throws Exception {
        ResolverNamespace.assumeAvailable("named", "tsig-keygen", "kamailio");
        ResolverNamespace.Result r = ResolverNamespace.run(KamailioInteropMain.class, List.of(dir.toString()), dir, Duration.ofSeconds(160));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
    }
}
