package org.interlay.shell;

import org.interlay.shell.repl.Durations;
import org.interlay.shell.repl.ShellInputException;
import picocli.CommandLine;

/** Reads a command-line duration ({@code 10m}, {@code 1.4m}, {@code 90s}, {@code 250ms}, {@code 2h}) as milliseconds, as scripts do. */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Durations.parse(value).toMillis();
        } catch (ShellInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
