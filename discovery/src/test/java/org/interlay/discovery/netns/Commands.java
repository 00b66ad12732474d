package org.interlay.discovery.netns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands (ip, kill) to completion, failing loudly with their stderr. */
final class Commands {

    private Commands() {
    }

    static String run(List<String> command) throws IOException {
        Path errors = Files.createTempFile("netns-cmd", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(errors).strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    static boolean succeeds(List<String> command) {
        try {
            run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first executable of that name on PATH or in the sbin directories. */
    static String find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            File file = new File(dir, name);
            if (!dir.isEmpty() && file.canExecute()) {
                return file.getPath();
            }
        }
        return null;
    }
}
