package org.interlay.router.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.testing.NamespaceChild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Entry points published in, and removed from, a real BIND by TSIG-signed RFC 2136 updates; see {@link BindPublishingMain}. */
@Tag("netns")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BindPublishingTest {
    @TempDir
    Path dir;

    @Test
    void entryPointsComeAndGoInBind() throws Exception {
        NamespaceChild.assumeAvailable("named", "tsig-keygen");
        NamespaceChild.Result r = NamespaceChild.run(BindPublishingMain.class, List.of(dir.toString()), dir.resolve("out.txt"),
                Duration.ofSeconds(90));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("wrong key refused: "), r.output());
    }
}
