package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whether a weekly window is open, checked against a plain java.time reading of the documented
 * rule, at random instants over two years in zones with and without daylight saving (and one that
 * changes by 30 minutes), so the engine's fast arithmetic away from transitions and its exact path
 * near them agree with the specification.
 */
class WindowOracleTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC"));
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    record Window(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    @Property(tries = 1000)
    void windowIsOpen_exactlyWhenTheWallClockRuleSaysSo(@ForAll("windows") Window window, @ForAll("instants") Instant now) {
        Schedule schedule = Schedule.weekly(window.zone(), window.days(), window.from(), window.to());
        Guardrails guardrails = Guardrails.of(Fixtures.LANDSCAPE, List.of(PolicyDocument.of("p", "1", Attachment.organization(),
                Statement.of("anyone", new Rule.Permission(List.of("alice"), List.of())),
                Statement.of("window", new Rule.Window(schedule)))), Map.of());

        Decision decision = guardrails.decide(Fixtures.enter("dev").by("alice").build(), GuardrailState.EMPTY, now);

        assertEquals(oracle(window, now) ? Outcome.ALLOWED : Outcome.PENDING, decision.outcome(), decision::explain);
    }

    /** The documented rule, read directly: an occurrence runs from the first instant showing its start to the last showing its end. */
    private static boolean oracle(Window w, Instant now) {
        LocalDate today = now.atZone(w.zone()).toLocalDate();
        for (LocalDate day = today.minusDays(2); !day.isAfter(today); day = day.plusDays(1)) {
            if (!w.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDate endDay = w.to().isAfter(w.from()) ? day : day.plusDays(1);
            Instant start = first(day.atTime(w.from()), w.zone());
            Instant end = last(endDay.atTime(w.to()), w.zone());
            if (!now.isBefore(start) && now.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    private static Instant first(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }

    private static Instant last(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    }

    @Provide
    Arbitrary<Window> windows() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7).map(EnumSet::copyOf);
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 47).map(half -> LocalTime.of(half / 2, half % 2 * 30));
        return Combinators.combine(Arbitraries.of(ZONES), days, times, times).as(Window::new);
    }

    /** Two years of instants, a third of them within hours of a daylight-saving change. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(0, 2L * 365 * 24 * 60).map(m -> FROM.plusSeconds(m * 60));
        Arbitrary<Instant> nearChanges = Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(-36 * 60, 36 * 60)).as((zone, n, minutes) -> {
                    ZoneOffsetTransition t = zone.getRules().nextTransition(FROM);
                    for (int i = 0; i < n && t != null; i++) {
                        t = zone.getRules().nextTransition(t.getInstant());
                    }
                    return (t == null ? FROM : t.getInstant()).plusSeconds(minutes * 60L);
                });
        return Arbitraries.frequencyOf(Tuple.of(2, anywhere), Tuple.of(1, nearChanges));
    }
}
