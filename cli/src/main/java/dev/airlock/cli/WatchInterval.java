package dev.airlock.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --watch} intervals such as {@code 30s}, {@code 5m} or {@code 1h}. */
final class WatchInterval implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new TypeConversionException("--watch: '" + value + "' is not an interval; use a positive number "
                    + "with s, m or h, e.g. 30s or 1m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
