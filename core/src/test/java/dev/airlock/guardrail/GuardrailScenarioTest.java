package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.DIGEST;
import static dev.airlock.guardrail.Fixtures.GUARDRAILS;
import static dev.airlock.guardrail.Fixtures.OTHER_DIGEST;
import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static dev.airlock.guardrail.Fixtures.artifact;
import static dev.airlock.guardrail.Fixtures.enter;
import static dev.airlock.guardrail.Fixtures.exampleWith;
import static dev.airlock.guardrail.Fixtures.promote;
import static dev.airlock.guardrail.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.guardrail.StatementResult.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The scenario table: one row per test, against the policy example of the README.
 * Unless a row says otherwise, rita (a release manager) promotes from staging into prod-eu on a
 * Tuesday at 11:00 in Berlin, with the artifact verified in staging for 26 hours, two approvals
 * from other release managers and a change ticket: the promotion the policies let through.
 */
class GuardrailScenarioTest {
    private static final Instant NOW = TUESDAY_11_BERLIN;

    private static Fixtures.StateBuilder readyForProdEu() {
        return state().verified("staging", NOW.minus(Duration.ofHours(26)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1)))
                .approval("rae", "prod-eu", NOW.minus(Duration.ofHours(1)));
    }

    private static Decision decide(Fixtures.RequestBuilder request, Fixtures.StateBuilder state, Instant now) {
        return GUARDRAILS.decide(request.build(), state.build(), now);
    }

    @Test
    void promote_fromStagingToProdWithEverythingInPlace_isAllowed() {
        Decision decision = decide(promote("staging", "prod-eu"), readyForProdEu(), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.statement(decision, "builtin:permission", Verdict.PASSES, "granted by engineers-promote");
        Expect.statement(decision, "two-approvals", Verdict.PASSES, "2 of 2 approvals from group release-managers: rob, rae");
        Expect.statement(decision, "staging-soak", Verdict.PASSES, "soaked 26h in staging (needs 24h)");
        Expect.statement(decision, "working-hours", Verdict.PASSES, "window open until Tue 18:00 Europe/Berlin (2025-03-25)");
    }

    @Test
    void promote_fromDevStraightIntoProd_isDeniedByNoSkipping() {
        Decision decision = decide(promote("dev", "prod-eu"),
                readyForProdEu().verified("dev", NOW.minus(Duration.ofDays(3))), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "builtin:no-skipping",
                "dev does not directly precede prod-eu in the promotion graph; prod-eu is promoted from staging");
    }

    @Test
    void promote_fromFanOutSibling_isDeniedByNoSkipping() {
        Decision decision = decide(promote("prod-eu", "prod-us"),
                readyForProdEu().verified("prod-eu", NOW.minus(Duration.ofDays(2))), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.statement(decision, "builtin:no-skipping", Verdict.DENIES, "prod-eu does not directly precede prod-us");
    }

    @Test
    void promote_whenNotVerifiedInSourceStage_isDeniedByNoSkipping() {
        Decision decision = decide(promote("staging", "prod-eu"),
                state().approval("rob", "prod-eu", NOW).approval("rae", "prod-eu", NOW), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "builtin:no-skipping",
                "the artifact is not verified in staging; promote it there and verify it first");
    }

    @Test
    void promote_intoEntryStage_needsNoEarlierStage() {
        Decision decision = decide(enter("dev").by("alice"), state(), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "builtin:no-skipping", "dev is an entry stage; no earlier stage is needed");
    }

    @Test
    void promote_intoProdOnFriday1730Berlin_isDeniedByFreeze() {
        Instant friday1730 = Instant.parse("2025-03-28T16:30:00Z");
        Decision decision = decide(promote("staging", "prod-eu"), state()
                .verified("staging", friday1730.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", friday1730.minus(Duration.ofHours(2)))
                .approval("rae", "prod-eu", friday1730.minus(Duration.ofHours(2))), friday1730);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "friday-freeze",
                "frozen until Sat 00:00 Europe/Berlin (2025-03-29): no Friday evening changes");
        // The working-hours window is open, yet the freeze wins: a deny window beats an allow window.
        Expect.statement(decision, "working-hours", Verdict.PASSES, "window open until Fri 18:00");
    }

    @Test
    void promote_whenStagingSoakIncomplete_isPendingWithRemainingTime() {
        Decision decision = decide(promote("staging", "prod-eu"),
                readyForProdEu().verified("staging", NOW.minus(Duration.ofHours(23).plusMinutes(10))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "staging-soak", "soak 23h10m of 24h in staging, 50m remaining");
    }

    @Test
    void promote_whenStagingSoak23hOf24h_isPendingForOneMoreHour() {
        Decision decision = decide(promote("staging", "prod-eu"),
                readyForProdEu().verified("staging", NOW.minus(Duration.ofHours(23))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "staging-soak", "soak 23h of 24h in staging, 1h remaining");
        assertEquals("PENDING: staging-soak: soak 23h of 24h in staging, 1h remaining", decision.summary());
    }

    @Test
    void approvals_whenOneOfTwoIsFromTheInitiator_arePendingOneMore() {
        Decision decision = decide(promote("staging", "prod-eu").by("rita"), state()
                .verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rita", "prod-eu", NOW.minus(Duration.ofMinutes(30)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofMinutes(20))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "two-approvals",
                "1 more approval from group release-managers (1 of 2: rob); not counted: rita (the initiator)");
    }

    @Test
    void approval_forADifferentDigest_doesNotCount() {
        String version = GUARDRAILS.approvalPolicyVersion("prod-eu");
        Decision decision = decide(promote("staging", "prod-eu"), state()
                .verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1)))
                .approval("rae", OTHER_DIGEST, "prod-eu", version, NOW.minus(Duration.ofHours(1))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "two-approvals", "1 more approval from group release-managers (1 of 2: rob);"
                + " not counted: rae (for another digest, " + OTHER_DIGEST.shortForm() + ")");
    }

    @Test
    void approval_thatExpired_doesNotCount() {
        Decision decision = decide(promote("staging", "prod-eu"), state()
                .verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1)))
                .approval("rae", "prod-eu", NOW.minus(Duration.ofHours(49))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "two-approvals", "1 more approval from group release-managers (1 of 2: rob);"
                + " not counted: rae (expired at 2025-03-25T09:00:00Z)");
    }

    @Test
    void approval_forAnotherEnvironment_doesNotCount() {
        Decision decision = decide(promote("staging", "prod-eu"), state()
                .verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1)))
                .approval("rae", "prod-us", NOW.minus(Duration.ofHours(1))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "two-approvals", "1 more approval from group release-managers (1 of 2: rob)");
    }

    @Test
    void approval_underAnOlderPolicyVersion_doesNotCount() {
        Guardrails changed = exampleWith("version: \"2025-03\"", "version: \"2025-04\"");
        GuardrailState approvedUnderOldPolicy = readyForProdEu().build();

        Decision decision = changed.decide(promote("staging", "prod-eu").build(), approvedUnderOldPolicy, NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.statement(decision, "two-approvals", Verdict.UNMET, "rob (under policy version "
                + "organization@12,production@2025-03,prod-change-control@3, now organization@12,production@2025-04,"
                + "prod-change-control@3)");
    }

    @Test
    void approval_byTheArtifactsBuilder_doesNotCount() {
        Decision decision = decide(promote("staging", "prod-eu")
                .artifact(artifact(DIGEST, "rob", "github.com/acme/shop", NOW.minus(Duration.ofDays(1)))),
                readyForProdEu(), NOW);

        Expect.statement(decision, "two-approvals", Verdict.UNMET, "rob (the artifact's builder)");
    }

    @Test
    void approval_byAPersonOutsideTheEligibleGroup_doesNotCount() {
        Decision decision = decide(promote("staging", "prod-eu"), readyForProdEu()
                .approval("alice", "prod-eu", NOW.minus(Duration.ofHours(1))), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "two-approvals",
                "2 of 2 approvals from group release-managers: rob, rae; not counted: alice (not in group release-managers)");
    }

    @Test
    void approvals_fromTheSamePersonTwice_countOnce() {
        Decision decision = decide(promote("staging", "prod-eu"), state()
                .verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(2)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1))), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.statement(decision, "two-approvals", Verdict.UNMET, "1 more approval from group release-managers (1 of 2: rob)");
    }

    @Test
    void stopSwitch_deniesEveryPromotion() {
        Guardrails stopped = exampleWith("engaged: false", "engaged: true");

        Decision intoDev = stopped.decide(enter("dev").by("alice").build(), state().build(), NOW);

        Expect.outcome(intoDev, Outcome.DENIED);
        Expect.reason(intoDev, "stop-switch", "stop switch engaged: incident review in progress");
    }

    @Test
    void stopSwitch_deniesBreakGlassToo() {
        Guardrails stopped = exampleWith("engaged: false", "engaged: true");
        GuardrailState state = readyForProdEu().approval("sam", "prod-eu", NOW.minus(Duration.ofMinutes(5))).build();

        Decision decision = stopped.decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down").build(),
                state, NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.statement(decision, "stop-switch", Verdict.DENIES, "stop switch engaged");
    }

    @Test
    void breakGlass_bypassesSoak() {
        Decision decision = decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down"), readyForProdEu()
                .verified("staging", NOW.minus(Duration.ofHours(2)))
                .approval("sam", "prod-eu", NOW.minus(Duration.ofMinutes(5))), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        assertEquals(true, decision.breakGlass());
        Expect.reason(decision, "staging-soak", "bypassed by break-glass; would need: soak 2h of 24h in staging, 22h remaining");
        Expect.statement(decision, "emergency-approval", Verdict.PASSES, "1 of 1 break-glass approvals from group sre-leads: sam");
        Expect.statement(decision, "builtin:break-glass", Verdict.PASSES,
                "break-glass (INC-4711 checkout is down) needs the approvals of emergency-approval");
        assertEquals("ALLOWED (break-glass): bypassed staging-soak", decision.summary());
    }

    @Test
    void breakGlass_doesNotBypassUntrustedProvenance() {
        Decision decision = decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down")
                .artifact(artifact(DIGEST, "laptop@rita", "github.com/acme/shop", NOW.minus(Duration.ofDays(1)))),
                readyForProdEu().approval("sam", "prod-eu", NOW.minus(Duration.ofMinutes(5))), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "trusted-builds", "builder 'laptop@rita' is not trusted (trusted: ci@tooling)");
    }

    @Test
    void breakGlass_withoutItsOwnApproval_isPending() {
        Decision decision = decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down"), readyForProdEu(), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "emergency-approval", "1 more break-glass approval from group sre-leads (0 of 1);"
                + " not counted: rob (not in group sre-leads), rae (not in group sre-leads)");
    }

    @Test
    void breakGlass_whereNoBreakGlassApprovalIsConfigured_isDenied() {
        Decision decision = decide(promote("test", "staging").breakGlass("hotfix").by("alice"),
                state().verified("test", NOW.minus(Duration.ofDays(1))), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "builtin:break-glass",
                "break-glass into staging is not possible: no approvals statement with breakGlass: true applies");
    }

    @Test
    void breakGlass_doesNotBypassAFreezeMarkedNotBypassable() {
        Instant saturdayNoon = Instant.parse("2025-03-29T11:00:00Z");
        Decision decision = decide(promote("staging", "prod-eu").breakGlass("INC-4711 checkout is down"), state()
                .verified("staging", saturdayNoon.minus(Duration.ofDays(2)))
                .approval("rob", "prod-eu", saturdayNoon.minus(Duration.ofHours(1)))
                .approval("rae", "prod-eu", saturdayNoon.minus(Duration.ofHours(1)))
                .approval("sam", "prod-eu", saturdayNoon.minus(Duration.ofHours(1))), saturdayNoon);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.statement(decision, "no-weekend-rollouts", Verdict.DENIES, "frozen until Mon 00:00 Europe/Berlin (2025-03-31)");
        Expect.statement(decision, "working-hours", Verdict.BYPASSED, "window opens Mon 08:00 Europe/Berlin (2025-03-31");
    }

    @Test
    void promote_withNoMatchingPermission_isImplicitlyDenied() {
        Decision decision = decide(enter("dev").by("mallory"), state(), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "builtin:permission", "no permission grants mallory (in no group) promotion into dev");
        Expect.statement(decision, "engineers-promote", Verdict.PASSES, "does not grant mallory (in no group)");
    }

    @Test
    void promote_intoProdByADeveloper_isDeniedByAllowedPrincipals() {
        Decision decision = decide(promote("staging", "prod-eu").by("alice"), readyForProdEu(), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "release-managers-only", "only groups release-managers, sre-leads may promote into prod-eu;"
                + " alice (groups: developers) is none of them");
        Expect.statement(decision, "builtin:permission", Verdict.PASSES, "granted by engineers-promote");
    }

    @Test
    void permission_countsGroupsThePrincipalCarries() {
        Decision decision = decide(enter("dev").by("newcomer", "developers"), state(), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "engineers-promote", "grants: newcomer is in group developers");
    }

    @Test
    void promote_outsideTheWindow_isPendingUntilItOpens() {
        Instant tuesday19 = Instant.parse("2025-03-25T18:00:00Z");
        Decision decision = decide(promote("staging", "prod-eu"), readyForProdEu(), tuesday19);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "working-hours", "window opens Wed 08:00 Europe/Berlin (2025-03-26, in 13h)");
    }

    @Test
    void promote_ofAnArtifactOlderThanTheMaximumAge_isDenied() {
        Instant built = NOW.minus(Duration.ofDays(31));
        Decision decision = decide(enter("dev").by("alice").artifact(artifact(DIGEST, "ci@tooling", "github.com/acme/shop", built)),
                state(), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "fresh-artifacts",
                "built 31d ago at 2025-02-22T10:00:00Z, older than the maximum 30d; build it again");
    }

    @Test
    void promote_fromAnUntrustedRepository_isDenied() {
        Decision decision = decide(enter("dev").by("alice")
                .artifact(artifact(DIGEST, "ci@tooling", "github.com/someone/fork", NOW.minus(Duration.ofDays(1)))), state(), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "trusted-builds",
                "source repository 'github.com/someone/fork' is not trusted (trusted: github.com/acme/*)");
    }

    @Test
    void promote_intoAMutableRepository_isDenied() {
        Decision decision = decide(promote("staging", "prod-eu"), readyForProdEu().mutableRepository(), NOW);

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "immutable-repositories",
                "the repository of prod-eu lets tags be overwritten; it must be immutable");
    }

    @Test
    void promote_intoAnEnvironmentOutsideTheAllowedRegions_isDenied() {
        Guardrails euOnly = exampleWith("regions: [\"us-*\"]", "regions: [\"eu-*\"]");
        GuardrailState state = state().verified("staging", NOW.minus(Duration.ofDays(2)))
                .approval("rob", "prod-us", NOW).approval("rae", "prod-us", NOW).build();

        Decision decision = euOnly.decide(promote("staging", "prod-us").build(), state, NOW.plusSeconds(60));

        Expect.outcome(decision, Outcome.DENIED);
        Expect.reason(decision, "us-regions-only", "prod-us runs in us-east-1, outside the allowed regions (eu-*)");
    }

    @Test
    void promote_withoutAChangeTicket_isPendingOnTheGenericCondition() {
        Decision decision = decide(promote("staging", "prod-eu").withoutAttribute("change"), readyForProdEu(), NOW);

        Expect.outcome(decision, Outcome.PENDING);
        Expect.reason(decision, "change-ticket",
                "a change ticket is required: attributes.change is missing (must match CHG-*)");
    }

    @Test
    void promote_withAMalformedChangeTicket_isPendingOnTheGenericCondition() {
        Decision decision = decide(promote("staging", "prod-eu").attribute("change", "TICKET-9"), readyForProdEu(), NOW);

        Expect.reason(decision, "change-ticket",
                "a change ticket is required: attributes.change 'TICKET-9' does not match CHG-*");
    }

    @Test
    void rollback_toADigestVerifiedInTheTarget_passesNoSkippingAndSkipsSoak() {
        Decision decision = decide(promote("staging", "prod-eu").rollback().withoutAttribute("change"), state()
                .verified("prod-eu", NOW.minus(Duration.ofDays(10)))
                .approval("rob", "prod-eu", NOW.minus(Duration.ofHours(1)))
                .approval("rae", "prod-eu", NOW.minus(Duration.ofHours(1))), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "builtin:no-skipping", "rollback to a digest verified in prod-eu since 2025-03-15T10:00:00Z");
        Expect.reason(decision, "staging-soak", "does not apply to rollbacks");
        Expect.reason(decision, "change-ticket", "does not apply to rollbacks");
    }

    @Test
    void rollback_ofAnOldArtifact_isNotDeniedByMaximumAge() {
        Instant built = NOW.minus(Duration.ofDays(90));
        Decision decision = decide(promote("staging", "prod-eu").rollback()
                .artifact(artifact(DIGEST, "ci@tooling", "github.com/acme/shop", built)), readyForProdEu()
                .verified("prod-eu", built.plus(Duration.ofDays(1))), NOW);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "fresh-artifacts", "does not apply to rollbacks");
    }
}
