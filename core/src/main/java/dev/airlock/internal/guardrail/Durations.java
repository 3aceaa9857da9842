package dev.airlock.internal.guardrail;

import dev.airlock.InvalidValueException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Durations as people write and read them: {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 1d12h}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Duration LONGEST = Duration.ofDays(36_500);
    private static final String RULE = "must be a positive duration such as 90s, 30m, 24h, 7d, 1d12h or PT1H30M";

    private Durations() {
    }

    /** Parses a positive duration; {@code field} names it in the error. */
    public static Duration parse(String field, String text) {
        Duration duration = parseOrNull(text.trim());
        if (duration == null) {
            throw new InvalidValueException(field, text, RULE);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidValueException(field, text, "must be a positive duration; zero and negative durations are impossible");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new InvalidValueException(field, text, "must be at most 36500d (100 years)");
        }
        return duration;
    }

    private static @Nullable Duration parseOrNull(String text) {
        if (text.startsWith("P") || text.startsWith("-P")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        boolean negative = text.startsWith("-");
        Matcher m = SHORT.matcher(negative ? text.substring(1) : text);
        if (text.isEmpty() || (negative && text.length() == 1) || !m.matches()) {
            return null;
        }
        try {
            Duration d = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                    .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
            return negative ? d.negated() : d;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static long number(@Nullable String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /**
     * A duration for people: {@code 23h10m}, {@code 24h}, {@code 50m}, {@code 45s}, {@code 30d},
     * {@code 2d3h}. Days are used from 48 hours on; seconds only below an hour; the rest is truncated.
     */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (hours >= 48) {
            out.append(hours / 24).append('d');
            hours %= 24;
            minutes = 0;
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds < 3600 && secs > 0) {
            out.append(secs).append('s');
        }
        return out.length() == 0 ? "0s" : out.toString();
    }

    /** Like {@link #format} but rounded up to the minute, so what remains never reads as done. */
    public static String formatRemaining(Duration duration) {
        if (duration.getSeconds() >= 60 || duration.isZero()) {
            long minutes = (duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0) + 59) / 60;
            return format(Duration.ofMinutes(minutes));
        }
        return format(duration.getNano() > 0 ? Duration.ofSeconds(duration.getSeconds() + 1) : duration);
    }
}
