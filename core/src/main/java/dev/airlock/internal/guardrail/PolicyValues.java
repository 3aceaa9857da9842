package dev.airlock.internal.guardrail;

import dev.airlock.InvalidValueException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsers for the values of policy documents; each rejection names the field, the value and the rule. */
public final class PolicyValues {
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    private PolicyValues() {
    }

    /** A time zone such as {@code Europe/Berlin}. */
    public static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", text, "must be a time zone such as Europe/Berlin, America/New_York or UTC");
        }
    }

    /** A wall-clock time {@code HH:MM}; {@code 24:00} (midnight at the end of the day) only when {@code endOfDayAllowed}. */
    public static LocalTime time(String field, String text, boolean endOfDayAllowed) {
        if (!TIME.matcher(text).matches() || (text.equals("24:00") && !endOfDayAllowed)) {
            throw new InvalidValueException(field, text, endOfDayAllowed ? "must be a time from 00:00 to 24:00, written HH:MM"
                    : "must be a time from 00:00 to 23:59, written HH:MM");
        }
        return text.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    /** Days such as {@code mon}, {@code monday} or a range {@code mon-fri} (ranges may wrap: {@code fri-mon}). */
    public static Set<DayOfWeek> days(String text) {
        String[] ends = text.split("-", -1);
        if (ends.length == 1) {
            return EnumSet.of(day(text, text));
        }
        if (ends.length != 2) {
            throw badDay(text);
        }
        DayOfWeek first = day(ends[0], text);
        DayOfWeek last = day(ends[1], text);
        Set<DayOfWeek> out = EnumSet.of(first);
        for (DayOfWeek d = first; d != last; ) {
            d = d.plus(1);
            out.add(d);
        }
        return out;
    }

    private static DayOfWeek day(String name, String text) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && full.startsWith(lower)) {
                return day;
            }
        }
        throw badDay(text);
    }

    private static InvalidValueException badDay(String text) {
        return new InvalidValueException("days", text, "must be a day such as mon or monday, or a range such as mon-fri");
    }

    /** A wall-clock date and time {@code 2026-12-20T18:00}, or a date meaning its start. */
    public static LocalDateTime localDateTime(String field, String text) {
        try {
            return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, text,
                    "must be a date and wall-clock time such as 2026-12-20T18:00, or a date such as 2026-12-20");
        }
    }
}
