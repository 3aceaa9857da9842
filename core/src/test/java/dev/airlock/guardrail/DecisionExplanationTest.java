package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.DIGEST;
import static dev.airlock.guardrail.Fixtures.GUARDRAILS;
import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static dev.airlock.guardrail.Fixtures.promote;
import static dev.airlock.guardrail.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.airlock.guardrail.StatementResult.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two forms of an explanation: text for people and JSON for tools. */
class DecisionExplanationTest {

    /** alice, a developer, tries to take the artifact from dev straight into prod-eu with one approval. */
    private static Decision skipStraightToProd() {
        return GUARDRAILS.decide(promote("dev", "prod-eu").by("alice").build(),
                state().verified("dev", TUESDAY_11_BERLIN.minus(Duration.ofHours(30)))
                        .approval("rob", "prod-eu", TUESDAY_11_BERLIN.minus(Duration.ofHours(1))).build(), TUESDAY_11_BERLIN);
    }

    @Test
    void explain_startsWithTheOutcomeLine_thenOneAlignedLinePerStatement() {
        Decision decision = skipStraightToProd();
        List<String> lines = decision.explain().lines().toList();

        assertEquals("DENIED: promote shop:1.4.2@" + DIGEST.shortForm() + " from dev to prod-eu for alice"
                + " at 2025-03-25T10:00:00Z", lines.get(0));
        assertEquals(decision.results().size() + 1, lines.size());
        assertEquals("  builtin:no-skipping     organization     DENIES    dev does not directly precede prod-eu in the"
                + " promotion graph; prod-eu is promoted from staging", lines.get(2));
        assertEquals("  two-approvals           tier:production  UNMET     1 more approval from group release-managers"
                + " (1 of 2: rob)", lines.get(13));
        assertEquals("  no-weekend-rollouts     group:prod       PASSES    not frozen; next freeze starts Sat 00:00"
                + " Europe/Berlin (2025-03-29)", lines.get(16));
    }

    @Test
    void results_areOrderedByLevelThenStatementId() {
        List<String> levels = new ArrayList<>();
        skipStraightToProd().results().forEach(r -> levels.add(r.level() + " " + r.statementId()));

        assertEquals(List.of("organization builtin:break-glass", "organization builtin:no-skipping",
                "organization builtin:permission", "organization engineers-promote", "organization fresh-artifacts",
                "organization stop-switch", "organization trusted-builds", "tier:production emergency-approval",
                "tier:production friday-freeze", "tier:production immutable-repositories",
                "tier:production release-managers-only", "tier:production staging-soak", "tier:production two-approvals",
                "tier:production working-hours", "group:prod change-ticket", "group:prod no-weekend-rollouts"), levels);
    }

    @Test
    void summary_namesEveryDenyOnOneLine() {
        assertEquals("DENIED: builtin:no-skipping: dev does not directly precede prod-eu in the promotion graph; prod-eu"
                + " is promoted from staging; release-managers-only: only groups release-managers, sre-leads may promote"
                + " into prod-eu; alice (groups: developers) is none of them", skipStraightToProd().summary());
    }

    @Test
    void results_canBeFilteredByVerdict() {
        Decision decision = skipStraightToProd();

        assertEquals(List.of("builtin:no-skipping", "release-managers-only"),
                decision.results(Verdict.DENIES).stream().map(StatementResult::statementId).toList());
        assertEquals(List.of("two-approvals"),
                decision.results(Verdict.UNMET).stream().map(StatementResult::statementId).toList());
    }

    @Test
    void breakGlass_isShownInTheExplanation() {
        Decision decision = GUARDRAILS.decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down").build(),
                state().verified("staging", TUESDAY_11_BERLIN.minus(Duration.ofHours(2))).build(), TUESDAY_11_BERLIN);

        assertEquals("PENDING: promote shop:1.4.2@" + DIGEST.shortForm() + " from staging to prod-eu for rita at"
                + " 2025-03-25T10:00:00Z (break-glass: INC-4711 checkout is down)", decision.explain().lines().findFirst().get());
        assertEquals(true, decision.breakGlass());
    }

    @Test
    void aDecisionBuiltInCode_explainsWithoutARequest() {
        Decision decision = new Decision(Outcome.PENDING, false,
                List.of(new StatementResult("soak", "tier:production", Verdict.UNMET, "soak 1h of 24h in staging, 23h remaining")));

        assertEquals("PENDING\n  soak  tier:production  UNMET     soak 1h of 24h in staging, 23h remaining\n", decision.explain());
        assertFalse(decision.request().isPresent());
    }

    @Test
    void decisions_areEqualWhenEverythingIsEqual() {
        Decision one = skipStraightToProd();
        Decision same = skipStraightToProd();
        Decision later = GUARDRAILS.decide(one.request().orElseThrow(), state().build(),
                TUESDAY_11_BERLIN.plus(Duration.ofMinutes(1)));

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, later);
        assertEquals(one.summary(), one.toString());
    }
}
