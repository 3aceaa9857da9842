package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.LANDSCAPE;
import static dev.airlock.guardrail.Fixtures.enter;
import static dev.airlock.guardrail.Fixtures.state;

import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change windows and freezes across the daylight-saving changes of Europe/Berlin in 2025: clocks
 * spring forward on Sunday 30 March (02:00 CET becomes 03:00 CEST, 01:00 UTC) and fall back on Sunday
 * 26 October (03:00 CEST becomes 02:00 CET, 01:00 UTC). Windows are wall-clock times, so their
 * length in real time changes on those days.
 */
class DaylightSavingWindowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Guardrails sundayWindow(String from, String to) {
        Schedule schedule = Schedule.weekly(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.parse(from), LocalTime.parse(to));
        return guardrails(Statement.of("sunday-window", new Rule.Window(schedule)));
    }

    private static Guardrails guardrails(Statement statement) {
        PolicyDocument devOps = PolicyDocument.of("dev-ops", "1", Attachment.organization(),
                Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))));
        PolicyDocument windows = PolicyDocument.of("windows", "1", Attachment.environment("dev"), statement);
        return Guardrails.of(LANDSCAPE, List.of(devOps, windows), Map.of("developers", List.of("alice")));
    }

    private static Decision at(Guardrails guardrails, String instant) {
        return guardrails.decide(enter("dev").by("alice").build(), state().build(), Instant.parse(instant));
    }

    @Test
    void window_onSpringForwardDay_lastsTwoRealHours() {
        Guardrails guardrails = sundayWindow("01:00", "04:00");

        Expect.outcome(at(guardrails, "2025-03-29T23:59:00Z"), Outcome.PENDING);
        Expect.outcome(at(guardrails, "2025-03-30T00:00:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-03-30T01:30:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-03-30T02:00:00Z"), Outcome.PENDING);
    }

    @Test
    void window_onSpringForwardDay_saysWhenItOpensAndCloses() {
        Guardrails guardrails = sundayWindow("01:00", "04:00");

        Expect.reason(at(guardrails, "2025-03-29T23:30:00Z"), "sunday-window",
                "window opens Sun 01:00 Europe/Berlin (2025-03-30, in 30m)");
        Expect.reason(at(guardrails, "2025-03-30T01:00:00Z"), "sunday-window",
                "window open until Sun 04:00 Europe/Berlin (2025-03-30)");
        Expect.reason(at(guardrails, "2025-03-30T02:00:00Z"), "sunday-window",
                "window opens Sun 01:00 Europe/Berlin (2025-04-06, in 6d21h)");
    }

    @Test
    void window_startingInTheSkippedHour_opensAtTheJump() {
        Guardrails guardrails = sundayWindow("02:30", "05:00");

        Decision beforeJump = at(guardrails, "2025-03-30T00:59:00Z");
        Expect.outcome(beforeJump, Outcome.PENDING);
        Expect.reason(beforeJump, "sunday-window", "window opens Sun 03:00 Europe/Berlin (2025-03-30, in 1m)");
        Expect.outcome(at(guardrails, "2025-03-30T01:00:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-03-30T02:59:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-03-30T03:00:00Z"), Outcome.PENDING);
    }

    @Test
    void windowEndingInTheSkippedHour_readsTheSame_afterADecisionAtTheExactInstantOfTheJump() {
        Guardrails guardrails = sundayWindow("00:00", "02:00");
        String expected = "window open until Sun 03:00 Europe/Berlin (2025-03-30)";
        Expect.reason(at(guardrails, "2025-03-29T23:30:00Z"), "sunday-window", expected);

        at(guardrails, "2025-03-30T01:00:00Z"); // the jump itself: must not leave a wrong offset behind

        Expect.reason(at(guardrails, "2025-03-29T23:30:00Z"), "sunday-window", expected);
    }

    @Test
    void window_onFallBackDay_lastsFourRealHours() {
        Guardrails guardrails = sundayWindow("01:00", "04:00");

        Expect.outcome(at(guardrails, "2025-10-25T22:59:00Z"), Outcome.PENDING);
        Expect.outcome(at(guardrails, "2025-10-25T23:00:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-10-26T02:30:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-10-26T03:00:00Z"), Outcome.PENDING);
        Expect.reason(at(guardrails, "2025-10-26T02:30:00Z"), "sunday-window",
                "window open until Sun 04:00 Europe/Berlin (2025-10-26)");
    }

    @Test
    void window_endingInTheRepeatedHour_endsAtItsSecondPass() {
        Guardrails guardrails = sundayWindow("00:00", "02:30");

        // 00:45 UTC is 02:45 CEST, past 02:30 on the first pass, yet the window has not ended:
        // it stays open through the repeated hour until 02:30 CET.
        Expect.outcome(at(guardrails, "2025-10-26T00:45:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-10-26T01:15:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-10-26T01:30:00Z"), Outcome.PENDING);
    }

    @Test
    void window_startingInTheRepeatedHour_opensAtItsFirstPass() {
        Guardrails guardrails = sundayWindow("02:15", "06:00");

        Expect.outcome(at(guardrails, "2025-10-26T00:14:00Z"), Outcome.PENDING);
        Expect.outcome(at(guardrails, "2025-10-26T00:15:00Z"), Outcome.ALLOWED);
    }

    @Test
    void freeze_overTheFallBackNight_holdsUntilItsWallClockEnd() {
        Schedule saturdayNight = Schedule.weekly(BERLIN, EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        Guardrails guardrails = guardrails(Statement.of("night-freeze", new Rule.Freeze(saturdayNight, "")));

        Expect.outcome(at(guardrails, "2025-10-25T19:59:00Z"), Outcome.ALLOWED);
        Decision frozen = at(guardrails, "2025-10-25T20:00:00Z");
        Expect.outcome(frozen, Outcome.DENIED);
        Expect.statement(frozen, "night-freeze", Verdict.DENIES, "frozen until Sun 06:00 Europe/Berlin (2025-10-26)");
        // 06:00 CET is 05:00 UTC: the freeze lasts nine real hours that night.
        Expect.outcome(at(guardrails, "2025-10-26T04:59:00Z"), Outcome.DENIED);
        Expect.outcome(at(guardrails, "2025-10-26T05:00:00Z"), Outcome.ALLOWED);
    }

    @Test
    void freeze_overTheSpringForwardNight_holdsUntilItsWallClockEnd() {
        Schedule saturdayNight = Schedule.weekly(BERLIN, EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        Guardrails guardrails = guardrails(Statement.of("night-freeze", new Rule.Freeze(saturdayNight, "")));

        // 22:00 CET is 21:00 UTC; 06:00 CEST is 04:00 UTC: seven real hours that night.
        Expect.outcome(at(guardrails, "2025-03-29T20:59:00Z"), Outcome.ALLOWED);
        Expect.outcome(at(guardrails, "2025-03-29T21:00:00Z"), Outcome.DENIED);
        Expect.outcome(at(guardrails, "2025-03-30T03:59:00Z"), Outcome.DENIED);
        Expect.outcome(at(guardrails, "2025-03-30T04:00:00Z"), Outcome.ALLOWED);
    }

    @Test
    void oneOffFreeze_holdsBetweenItsStartAndEnd() {
        Schedule yearEnd = Schedule.between(BERLIN, LocalDateTime.parse("2025-12-20T00:00"),
                LocalDateTime.parse("2026-01-05T00:00"));
        Guardrails guardrails = guardrails(Statement.of("year-end", new Rule.Freeze(yearEnd, "year-end freeze")));

        Expect.outcome(at(guardrails, "2025-12-19T22:59:00Z"), Outcome.ALLOWED);
        Decision frozen = at(guardrails, "2025-12-19T23:00:00Z");
        Expect.outcome(frozen, Outcome.DENIED);
        Expect.reason(frozen, "year-end", "frozen until Mon 00:00 Europe/Berlin (2026-01-05): year-end freeze");
        Expect.outcome(at(guardrails, "2026-01-04T23:00:00Z"), Outcome.ALLOWED);
    }

    @Test
    void oneOffWindow_thatHasClosed_deniesBecauseItNeverOpensAgain() {
        Schedule once = Schedule.between(BERLIN, LocalDateTime.parse("2025-06-01T09:00"),
                LocalDateTime.parse("2025-06-01T12:00"));
        Guardrails guardrails = guardrails(Statement.of("migration-window", new Rule.Window(once)));

        Expect.outcome(at(guardrails, "2025-06-01T06:00:00Z"), Outcome.PENDING);
        Expect.outcome(at(guardrails, "2025-06-01T07:00:00Z"), Outcome.ALLOWED);
        Decision after = at(guardrails, "2025-06-01T10:00:00Z");
        Expect.outcome(after, Outcome.DENIED);
        Expect.reason(after, "migration-window", "the window has closed for good");
    }
}
