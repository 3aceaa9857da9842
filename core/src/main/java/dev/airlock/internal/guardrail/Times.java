package dev.airlock.internal.guardrail;

import java.time.Duration;
import java.time.Instant;

/** Instant arithmetic without allocating, for the checks that run on every decision. */
final class Times {
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
}
