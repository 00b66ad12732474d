package org.interlay.shell.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A script read once, so that it can be checked and then run even when it comes from a pipe. */
public record ScriptFile(String name, List<String> lines) {
    public ScriptFile {
        lines = List.copyOf(lines);
    }

    /** Reads {@code path}; one line of error when it cannot. */
    public static ScriptFile read(Path path) {
        try {
            return new ScriptFile(path.toString(), Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read script " + path + ": " + e.getMessage());
        }
    }
}
