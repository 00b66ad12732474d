package org.interlay.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a duration such as {@code 10m}, {@code 1.4m}, {@code 90s}, {@code 250ms} or {@code 2h} as milliseconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Long convert(String value) {
        return parseMillis(value);
    }

    public static long parseMillis(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: use a number with ms, s, m or h, e.g. 10m or 90s");
        }
        double n = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        return Math.round(n * unit);
    }
}
