package dev.airlock.internal.guardrail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instant arithmetic without allocating, for the checks that run on every decision, and instant
 * text without the cost of {@code DateTimeFormatter}, for explanations.
 */
public final class Times {
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private Times() {
    }

    /**
     * Compares {@code since + duration} with {@code now}: negative when it is before, zero when equal,
     * positive when after. Sums beyond the range of {@link Instant} count as after everything.
     */
    static int compareEnd(Instant since, Duration duration, Instant now) {
        long seconds;
        try {
            seconds = Math.addExact(since.getEpochSecond(), duration.getSeconds());
        } catch (ArithmeticException e) {
            return duration.isNegative() ? -1 : 1;
        }
        int nanos = since.getNano() + duration.getNano();
        if (nanos >= NANOS_PER_SECOND) {
            nanos -= NANOS_PER_SECOND;
            seconds++;
        }
        int bySeconds = Long.compare(seconds, now.getEpochSecond());
        return bySeconds != 0 ? bySeconds : Integer.compare(nanos, now.getNano());
    }

    /** Exactly what {@link Instant#toString()} prints for years 0 to 9999, several times faster. */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder out = new StringBuilder(30).append(utc.toLocalDate()).append('T');
        twoDigits(out, utc.getHour()).append(':');
        twoDigits(out, utc.getMinute()).append(':');
        twoDigits(out, utc.getSecond());
        int nanos = instant.getNano();
        if (nanos > 0) {
            // ISO_INSTANT prints the fraction in groups of three digits.
            String digits = Integer.toString(nanos + NANOS_PER_SECOND).substring(1);
            int length = nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
            out.append('.').append(digits, 0, length);
        }
        return out.append('Z').toString();
    }

    static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
