package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Schedule} as arithmetic on epoch seconds. Occurrences are resolved with the zone's rules
 * as {@link Schedule} documents: a start in a skipped hour is the instant of the jump, a start in a
 * repeated hour its first pass, an end in a repeated hour its second pass.
 */
final class CompiledSchedule {
    private static final long DAY = 86_400;
    private static final String[] DAY_NAMES = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean weekly;
    private final boolean[] startDays = new boolean[8];
    private final int fromSecond;
    private final int toSecond;
    private final boolean overnight;
    private final long startEpoch;
    private final long endEpoch;
    /**
     * The last stretch of time seen in which the zone's offset does not change. Inside it, wall-clock
     * times convert to instants by plain arithmetic; near a transition the exact, slower path runs.
     * A memo only: results never depend on it, and racing threads at worst recompute it.
     */
    private volatile @Nullable OffsetSpan span;

    /** From {@code from} (inclusive) to {@code until} (exclusive), epoch seconds, the offset is {@code offset}. */
    private record OffsetSpan(long from, long until, int offset) {
    }

    CompiledSchedule(Schedule schedule) {
        this.zone = schedule.zone();
        this.rules = zone.getRules();
        if (schedule instanceof Schedule.Weekly w) {
            weekly = true;
            w.days().forEach(d -> startDays[d.getValue()] = true);
            fromSecond = w.from().toSecondOfDay();
            toSecond = w.to().toSecondOfDay();
            overnight = w.overnight();
            startEpoch = 0;
            endEpoch = 0;
        } else {
            Schedule.Between b = (Schedule.Between) schedule;
            weekly = false;
            fromSecond = 0;
            toSecond = 0;
            overnight = false;
            startEpoch = resolve(b.start().toEpochSecond(ZoneOffset.UTC), true);
            endEpoch = resolve(b.end().toEpochSecond(ZoneOffset.UTC), false);
        }
    }

    boolean contains(Instant now) {
        return currentEnd(now) != Long.MIN_VALUE;
    }

    /** Whether an occurrence can still start after {@code now}; a one-off interval cannot once it has begun. */
    boolean opensLater(Instant now) {
        return weekly || now.getEpochSecond() < startEpoch;
    }

    /** The end (epoch second) of the occurrence containing {@code now}, or {@code Long.MIN_VALUE}. */
    long currentEnd(Instant now) {
        long epoch = now.getEpochSecond();
        if (!weekly) {
            return startEpoch <= epoch && epoch < endEpoch ? endEpoch : Long.MIN_VALUE;
        }
        // Occurrences looked at start at most two days back and end at most a day ahead.
        OffsetSpan steady = steadyAround(now, 3, 3);
        if (steady != null) {
            long today = Math.floorDiv(epoch + steady.offset, DAY);
            for (long day = today - 1; day <= today; day++) {
                if (startsOn(day) && day * DAY + fromSecond - steady.offset <= epoch) {
                    long end = (overnight ? day + 1 : day) * DAY + toSecond - steady.offset;
                    if (epoch < end) {
                        return end;
                    }
                }
            }
            return Long.MIN_VALUE;
        }
        long today = Math.floorDiv(epoch + rules.getOffset(now).getTotalSeconds(), DAY);
        for (long day = today - 1; day <= today; day++) {
            if (startsOn(day) && resolve(day * DAY + fromSecond, true) <= epoch) {
                long end = resolve((overnight ? day + 1 : day) * DAY + toSecond, false);
                if (epoch < end) {
                    return end;
                }
            }
        }
        return Long.MIN_VALUE;
    }

    /**
     * A span with one offset covering from {@code daysBefore} days before {@code now} to
     * {@code daysAfter} days after it, or null when a transition is that close.
     */
    private @Nullable OffsetSpan steadyAround(Instant now, int daysBefore, int daysAfter) {
        long epoch = now.getEpochSecond();
        long from = epoch - daysBefore * DAY;
        long until = epoch + daysAfter * DAY;
        OffsetSpan known = span;
        if (known == null || from < known.from || until >= known.until) {
            // The latest transition at or before now: previousTransition is strictly before its argument,
            // and a span reaching back over a transition at exactly now would carry the wrong offset.
            ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(now.getEpochSecond() + 1));
            ZoneOffsetTransition next = rules.nextTransition(now);
            known = new OffsetSpan(previous == null ? Long.MIN_VALUE / 2 : previous.toEpochSecond(),
                    next == null ? Long.MAX_VALUE / 2 : next.toEpochSecond(), rules.getOffset(now).getTotalSeconds());
            span = known;
        }
        return from >= known.from && until < known.until ? known : null;
    }

    /**
     * The end of the stretch of back-to-back occurrences containing {@code now} (a Saturday and a
     * Sunday freeze hold until Monday), or {@code Long.MIN_VALUE}. Looks at most a few weeks ahead.
     */
    long stretchEnd(Instant now) {
        long end = currentEnd(now);
        for (int i = 0; i < 16 && end != Long.MIN_VALUE; i++) {
            long next = currentEnd(Instant.ofEpochSecond(end));
            if (next == Long.MIN_VALUE) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The first start strictly after {@code now}, or {@code Long.MIN_VALUE} when there is none. */
    long nextStart(Instant now) {
        long epoch = now.getEpochSecond();
        if (!weekly) {
            return epoch < startEpoch ? startEpoch : Long.MIN_VALUE;
        }
        OffsetSpan steady = steadyAround(now, 2, 10);
        if (steady != null) {
            long today = Math.floorDiv(epoch + steady.offset, DAY);
            for (long day = today - 1; day <= today + 8; day++) {
                long start = day * DAY + fromSecond - steady.offset;
                if (startsOn(day) && start > epoch) {
                    return start;
                }
            }
            return Long.MIN_VALUE;
        }
        long today = Math.floorDiv(epoch + rules.getOffset(now).getTotalSeconds(), DAY);
        for (long day = today - 1; day <= today + 8; day++) {
            if (startsOn(day)) {
                long start = resolve(day * DAY + fromSecond, true);
                if (start > epoch) {
                    return start;
                }
            }
        }
        return Long.MIN_VALUE;
    }

    private boolean startsOn(long epochDay) {
        // 1970-01-01 was a Thursday.
        return startDays[(int) Math.floorMod(epochDay + 3, 7L) + 1];
    }

    /** The instant (epoch second) the wall clock in the zone shows {@code localEpochSecond}. */
    private long resolve(long localEpochSecond, boolean earliest) {
        if (rules.isFixedOffset()) {
            return localEpochSecond - rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return localEpochSecond - rules.getOffset(local).getTotalSeconds();
        }
        if (transition.isGap()) {
            return transition.getInstant().getEpochSecond();
        }
        ZoneOffset offset = earliest ? transition.getOffsetBefore() : transition.getOffsetAfter();
        return localEpochSecond - offset.getTotalSeconds();
    }

    /** {@code Mon 09:00 Europe/Berlin (2026-03-30)}. */
    String describe(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, rules.getOffset(instant));
        StringBuilder out = new StringBuilder(48).append(DAY_NAMES[local.getDayOfWeek().getValue()]).append(' ');
        Times.twoDigits(out, local.getHour()).append(':');
        Times.twoDigits(out, local.getMinute());
        return out.append(' ').append(zone.getId()).append(" (").append(local.toLocalDate()).append(')').toString();
    }

    /** {@code Mon 09:00 Europe/Berlin (2026-03-30, in 2d15h)}. */
    String describeFrom(long epochSecond, Instant now) {
        String when = describe(epochSecond);
        return when.substring(0, when.length() - 1) + ", in "
                + Durations.formatRemaining(Duration.between(now, Instant.ofEpochSecond(epochSecond))) + ")";
    }
}
