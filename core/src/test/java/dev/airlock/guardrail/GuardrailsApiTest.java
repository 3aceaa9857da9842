package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.LANDSCAPE;
import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static dev.airlock.guardrail.Fixtures.enter;
import static dev.airlock.guardrail.Fixtures.promote;
import static dev.airlock.guardrail.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Tier;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rollbacks;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.internal.guardrail.Durations;
import dev.airlock.internal.guardrail.Times;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Guardrails built in code: the factory's checks, defaults, and the policy values' own validation. */
class GuardrailsApiTest {
    private static final Map<String, List<String>> PEOPLE = Map.of("developers", List.of("alice"));
    private static final PolicyDocument EVERYONE = PolicyDocument.of("base", "1", Attachment.organization(),
            Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))));

    @Test
    void of_withUnknownReferences_reportsEveryProblemAtOnce() {
        PolicyDocument broken = PolicyDocument.of("broken", "1", Attachment.environment("qa"),
                Statement.of("approvals", new Rule.Approvals(2, List.of("developers"), Duration.ofHours(1), false)),
                Statement.of("developers", new Rule.Permission(List.of(), List.of("admins"))));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Guardrails.of(LANDSCAPE, List.of(EVERYONE, broken), PEOPLE));

        assertEquals(List.of(
                "<policies>: policies[1].attach: attached to unknown environment 'qa'; known environments: dev, prod-eu,"
                        + " prod-us, staging, test",
                "<policies>: policies[1].statements[0].count: count: 2 approvals can never be met: group developers has"
                        + " only 1 member (alice)",
                "<policies>: policies[1].statements[1].id: duplicate statement id 'developers' (also in policy 'base');"
                        + " statement ids must be unique across the configuration",
                "<policies>: policies[1].statements[1].groups: unknown group 'admins'; declare it under groups (an empty"
                        + " member list takes members from the principals' own groups); declared groups: developers"),
                e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void of_refusesToSwitchNoSkippingOffBelowTheOrganization() {
        PolicyDocument prod = PolicyDocument.of("prod", "1", Attachment.tier(Tier.PRODUCTION),
                Statement.of("skip", new Rule.NoSkipping(false)));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Guardrails.of(LANDSCAPE, List.of(EVERYONE, prod), PEOPLE));
        assertTrue(e.getMessage().contains("no skipping stages can be switched off only at the organization level"));
    }

    @Test
    void requiresImmutability_onlyWhereAnImmutableRepositoryStatementApplies() {
        Guardrails guardrails = Fixtures.GUARDRAILS;

        assertTrue(guardrails.requiresImmutability("prod-eu"), "attached to the production tier");
        assertTrue(guardrails.requiresImmutability("prod-us"));
        assertFalse(guardrails.requiresImmutability("staging"));
        assertFalse(Guardrails.of(LANDSCAPE, List.of(EVERYONE), PEOPLE).requiresImmutability("prod-eu"));
        assertThrows(UnknownEnvironmentException.class, () -> guardrails.requiresImmutability("qa"));
    }

    @Test
    void noSkipping_isOnWithoutAnyPolicy() {
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(EVERYONE), PEOPLE);

        Decision decision = guardrails.decide(promote("dev", "staging").by("alice").build(), state().build(), TUESDAY_11_BERLIN);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.statement(decision, "builtin:no-skipping", Verdict.DENIES, "dev does not directly precede staging");
    }

    @Test
    void noSkipping_switchedOffAtTheOrganization_removesTheDefault() {
        PolicyDocument off = PolicyDocument.of("off", "1", Attachment.organization(),
                Statement.of("no-skipping-off", new Rule.NoSkipping(false)));
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(EVERYONE, off), PEOPLE);

        Decision decision = guardrails.decide(promote("dev", "staging").by("alice").build(), state().build(), TUESDAY_11_BERLIN);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "no-skipping-off", "no skipping stages is switched off for the organization");
        assertFalse(decision.results().stream().anyMatch(r -> r.statementId().equals("builtin:no-skipping")));
    }

    @Test
    void noSkipping_canBeAddedBackForOneTierWhenTheOrganizationSwitchedItOff() {
        PolicyDocument off = PolicyDocument.of("off", "1", Attachment.organization(),
                Statement.of("no-skipping-off", new Rule.NoSkipping(false)));
        PolicyDocument prod = PolicyDocument.of("prod", "1", Attachment.tier(Tier.PRODUCTION),
                Statement.of("prod-no-skipping", new Rule.NoSkipping(true)));
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(EVERYONE, off, prod), PEOPLE);

        Decision decision = guardrails.decide(promote("dev", "prod-eu").by("alice").build(), state().build(), TUESDAY_11_BERLIN);

        Expect.statement(decision, "prod-no-skipping", Verdict.DENIES, "dev does not directly precede prod-eu");
    }

    @Test
    void decide_forAnEnvironmentOutsideTheLandscape_isRefused() {
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(EVERYONE), PEOPLE);
        Environment qa = Environment.builder("qa").account("777777777777").build();
        PromotionRequest request = PromotionRequest.of(Fixtures.artifact(), null, qa, Principal.of("alice"));

        UnknownEnvironmentException e = assertThrows(UnknownEnvironmentException.class,
                () -> guardrails.decide(request, GuardrailState.EMPTY, TUESDAY_11_BERLIN));
        assertEquals("unknown environment 'qa'; known environments: dev, prod-eu, prod-us, staging, test", e.getMessage());
        assertThrows(UnknownEnvironmentException.class, () -> guardrails.approvalPolicyVersion("qa"));
    }

    @Test
    void approvalPolicyVersion_namesTheDocumentsThatApply() {
        PolicyDocument prod = PolicyDocument.of("prod", "7", Attachment.tier(Tier.PRODUCTION));
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(prod, EVERYONE), PEOPLE);

        assertEquals("base@1,prod@7", guardrails.approvalPolicyVersion("prod-us"));
        assertEquals("base@1", guardrails.approvalPolicyVersion("dev"));
        assertEquals("builtin", Guardrails.of(LANDSCAPE, Policies.NONE, Map.of()).approvalPolicyVersion("dev"));
    }

    @Test
    void withoutAnyPermission_everyPromotionIsImplicitlyDenied() {
        Decision decision = Guardrails.of(LANDSCAPE, Policies.NONE, Map.of())
                .decide(enter("dev").by("alice").build(), state().build(), TUESDAY_11_BERLIN);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "builtin:permission", "no permission grants alice (in no group) promotion into dev");
    }

    @Test
    void configuration_builtInCode_compilesItsGuardrails() {
        Policies policies = new Policies(Map.of("prod", List.of("prod-eu", "prod-us")), List.of(EVERYONE));
        AirlockConfiguration configuration = new AirlockConfiguration(LANDSCAPE, PEOPLE, policies);

        assertEquals("base@1", configuration.guardrails().approvalPolicyVersion("prod-eu"));
        assertEquals(configuration, new AirlockConfiguration(LANDSCAPE, PEOPLE, policies));
        assertThrows(InvalidConfigurationException.class, () -> new AirlockConfiguration(LANDSCAPE, Map.of(), policies));
    }

    @Test
    void statementDefaults_makeOnlySoakWindowsAndFreezesBypassable() {
        Schedule always = Schedule.weekly(ZoneId.of("UTC"), Set.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON);

        assertTrue(Statement.of("a", new Rule.Soak(Duration.ofHours(1), null)).bypassable());
        assertTrue(Statement.of("b", new Rule.Window(always)).bypassable());
        assertTrue(Statement.of("c", new Rule.Freeze(always, "")).bypassable());
        assertFalse(Statement.of("d", Rule.Approvals.of(1)).bypassable());
        assertFalse(Statement.of("e", new Rule.MaxAge(Duration.ofDays(1))).bypassable());
        assertEquals(Rollbacks.INCLUDE, Statement.of("f", new Rule.Stop(true, "")).rollbacks());
    }

    @Test
    void statements_thatBreakGlassMayNeverBypass_rejectBypassable() {
        InvalidValueException stop = assertThrows(InvalidValueException.class,
                () -> Statement.of("stop", new Rule.Stop(true, "")).withBypassable(true));
        assertEquals("bypassable: 'true' is not possible: break-glass never bypasses a stop statement", stop.getMessage());
        assertThrows(InvalidValueException.class, () -> Statement.of("p", new Rule.TrustedProvenance(List.of("ci"), List.of()))
                .withBypassable(true));
        assertThrows(InvalidValueException.class, () -> Statement.of("g", new Rule.Permission(List.of("a"), List.of()))
                .withBypassable(true));
        assertThrows(InvalidValueException.class, () -> Statement.of("b", new Rule.Approvals(1, List.of(), Duration.ofHours(1),
                true)).withBypassable(true));
    }

    @Test
    void policyValues_rejectImpossibleParameters() {
        assertEquals("count: '0' must be at least 1",
                assertThrows(InvalidValueException.class, () -> Rule.Approvals.of(0)).getMessage());
        assertEquals("duration: 'PT-1H' must be a positive duration",
                assertThrows(InvalidValueException.class, () -> new Rule.Soak(Duration.ofHours(-1), null)).getMessage());
        assertEquals("days: '[]' must name at least one day", assertThrows(InvalidValueException.class,
                () -> Schedule.weekly(ZoneId.of("UTC"), Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT)).getMessage());
        assertEquals("in: '[]' must list at least one value",
                assertThrows(InvalidValueException.class, () -> Condition.in("principal")).getMessage());
        assertEquals("id: 'two words' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                assertThrows(InvalidValueException.class, () -> Statement.of("two words", new Rule.Stop(true, ""))).getMessage());
        assertThrows(InvalidValueException.class, () -> new Rule.TrustedProvenance(List.of(), List.of()));
        assertThrows(InvalidValueException.class, () -> new Rule.AllowedRegions(List.of()));
        assertThrows(InvalidValueException.class, () -> new Attachment(Attachment.Scope.TIER, "prod"));
    }

    @Test
    void breakGlass_withoutAJustification_cannotBeRequested() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new PromotionRequest(Fixtures.artifact(),
                null, LANDSCAPE.require("dev"), Principal.of("alice"), true, " ", false, Map.of()));
        assertTrue(e.getMessage().startsWith("justification: ' ' is required for a break-glass promotion"));
    }

    @Property(tries = 1000)
    void instantText_isExactlyWhatInstantPrints(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int precision) {
        int truncated = switch (precision) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1000 * 1000;
            default -> nanos;
        };
        Instant instant = Instant.ofEpochSecond(seconds, truncated);

        assertEquals(instant.toString(), Times.format(instant));
    }

    @Test
    void durations_readAndPrintTheWayPeopleWriteThem() {
        assertEquals(Duration.ofHours(36), Durations.parse("d", "1d12h"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("d", "PT1H30M"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("d", "45s"));
        assertEquals("23h10m", Durations.format(Duration.ofMinutes(23 * 60 + 10)));
        assertEquals("24h", Durations.format(Duration.ofHours(24)));
        assertEquals("2d3h", Durations.format(Duration.ofHours(51)));
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
        assertEquals("50m", Durations.formatRemaining(Duration.ofSeconds(49 * 60 + 1)));
        assertEquals("1m", Durations.formatRemaining(Duration.ofSeconds(59).plusMillis(500)));
        assertThrows(InvalidValueException.class, () -> Durations.parse("d", "-"));
        assertThrows(InvalidValueException.class, () -> Durations.parse("d", ""));
    }
}
