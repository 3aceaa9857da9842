package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a change window is open or a freeze holds: wall-clock times in a time zone, so "Friday 15:00
 * in Europe/Berlin" stays Friday 15:00 across daylight-saving changes.
 *
 * <p>Each occurrence is the interval from the first instant the wall clock shows its start to the
 * last instant it shows its end. On the day clocks spring forward, a time inside the skipped hour
 * means the instant of the jump; on the day they fall back, a start in the repeated hour means its
 * first pass and an end in it means its second pass, so an occurrence never flickers closed and
 * open again.
 */
public sealed interface Schedule permits Schedule.Weekly, Schedule.Between {

    /** The time zone the wall-clock times are read in. */
    ZoneId zone();

    /**
     * A weekly recurrence: on each of {@code days}, from {@code from} to {@code to}. An end at or before
     * the start ends on the next day, so {@code 22:00-06:00} runs overnight, {@code 15:00-00:00} runs to
     * midnight and equal times span a whole day. An occurrence belongs to the day it starts.
     *
     * @param zone the time zone
     * @param days the days an occurrence starts on; at least one
     * @param from the wall-clock start
     * @param to   the wall-clock end
     */
    record Weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) implements Schedule {
        public Weekly {
            InvalidValueException.requireNonNull("zone", zone);
            InvalidValueException.requireNonNull("days", days);
            InvalidValueException.requireNonNull("from", from);
            InvalidValueException.requireNonNull("to", to);
            if (days.isEmpty()) {
                throw new InvalidValueException("days", days, "must name at least one day");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
        }

        /** Whether an occurrence ends on the day after it starts. */
        public boolean overnight() {
            return !to.isAfter(from);
        }
    }

    /**
     * A single interval, from {@code start} to {@code end} wall-clock time, such as a year-end freeze.
     *
     * @param zone  the time zone
     * @param start the wall-clock start
     * @param end   the wall-clock end, after the start
     */
    record Between(ZoneId zone, LocalDateTime start, LocalDateTime end) implements Schedule {
        public Between {
            InvalidValueException.requireNonNull("zone", zone);
            InvalidValueException.requireNonNull("start", start);
            InvalidValueException.requireNonNull("end", end);
            if (!end.isAfter(start)) {
                throw new InvalidValueException("end", end, "must be after start " + start);
            }
        }
    }

    /** Every {@code days} from {@code from} to {@code to} in {@code zone}. */
    static Weekly weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        return new Weekly(zone, days, from, to);
    }

    /** Once, from {@code start} to {@code end} in {@code zone}. */
    static Between between(ZoneId zone, LocalDateTime start, LocalDateTime end) {
        return new Between(zone, start, end);
    }
}
