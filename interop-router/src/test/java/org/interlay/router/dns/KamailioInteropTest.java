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

/** A real Kamailio serving cs.lab and three overlays, found by each other through a real BIND; see {@link KamailioInteropMain}. */
@Tag("netns")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KamailioInteropTest {
    @TempDir
    Path dir;

    @Test
    void messagesAndCallsCrossBetweenKamailioAndTheOverlays() throws Exception {
        NamespaceChild.assumeAvailable("named", "tsig-keygen", "kamailio");
        NamespaceChild.Result r = NamespaceChild.runWithResolver(NamespaceChild.loopbackResolvConf(dir), KamailioInteropMain.class,
                List.of(dir.toString()), dir.resolve("out.txt"), Duration.ofSeconds(160));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
    }
}
