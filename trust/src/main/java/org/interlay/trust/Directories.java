package org.interlay.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Making the directories trust files go into. */
final class Directories {
    private Directories() {
    }

    static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TrustException("cannot make directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
