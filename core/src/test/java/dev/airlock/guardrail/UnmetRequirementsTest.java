package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.StatementResult.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pending decision's unmet requirements as data: one per UNMET result, in the same order, with the
 * statement's kind and, for approvals, the eligible groups and the configured people whose approval would
 * still count.
 */
class UnmetRequirementsTest {
    private static final AirlockConfiguration CONFIGURATION = AirlockConfiguration.parse("unmet.yaml", """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: staging, account: "444444444444", regions: [eu-central-1], tier: staging,
                 deployRole: "arn:aws:iam::444444444444:role/airlock/deploy"}
              - {name: prod, account: "555555555555", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::555555555555:role/airlock/deploy"}
            pipeline:
              entry: [staging]
              promotions:
                - {from: staging, to: prod}
            groups:
              developers: [alice, ci@tooling]
              release-managers: [rita, rob, rae]
              sre-leads: [sam]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: engineers, kind: permission, groups: [developers, release-managers, sre-leads]}
              - id: production
                version: 1
                attach: {tier: production}
                statements:
                  - {id: anyone-approves, kind: approvals, count: 1}
                  - {id: release-approval, kind: approvals, count: 2, from: [release-managers, developers],
                     bypassable: true}
                  - {id: emergency-approval, kind: approvals, count: 1, from: [sre-leads], breakGlass: true}
                  - {id: working-hours, kind: window, zone: UTC, days: mon-fri, from: "08:00", to: "18:00"}
            """, false);
    private static final Guardrails GUARDRAILS = CONFIGURATION.guardrails();
    /** A Saturday: the window is closed. */
    private static final Instant SATURDAY = Instant.parse("2026-03-07T12:00:00Z");
    private static final Artifact ARTIFACT = Fixtures.artifact(Digest.of(new byte[] {1}), "ci@tooling",
            "github.com/acme/shop", SATURDAY.minusSeconds(3600));

    private static Decision decide(Principal principal, boolean breakGlass, String... approvers) {
        PromotionRequest request = new PromotionRequest(ARTIFACT, CONFIGURATION.landscape().require("staging"),
                CONFIGURATION.landscape().require("prod"), principal, breakGlass, breakGlass ? "payments down" : null,
                false, Map.of());
        List<Approval> approvals = java.util.Arrays.stream(approvers).map(id -> new Approval(Principal.of(id),
                ARTIFACT.digest(), "prod", GUARDRAILS.approvalPolicyVersion("prod"), SATURDAY.minusSeconds(60)))
                .toList();
        return GUARDRAILS.decide(request, new GuardrailState(Map.of("staging", SATURDAY.minusSeconds(86_400)),
                approvals, Map.of(), true), SATURDAY);
    }

    private static UnmetRequirement requirement(Decision decision, String statementId) {
        return decision.unmet().stream().filter(u -> u.statementId().equals(statementId)).findFirst()
                .orElseThrow(() -> new AssertionError(statementId + " is not unmet: " + decision.unmet()));
    }

    @Test
    void unmet_followsTheUnmetResults_oneForOne_inOrder() {
        Decision decision = decide(Principal.of("alice", "developers"), false, "rita");

        assertEquals(Outcome.PENDING, decision.outcome());
        assertEquals(decision.results(Verdict.UNMET).stream().map(StatementResult::statementId).toList(),
                decision.unmet().stream().map(UnmetRequirement::statementId).toList());
        assertEquals(decision.results(Verdict.UNMET).stream().map(StatementResult::reason).toList(),
                decision.unmet().stream().map(UnmetRequirement::missing).toList());
    }

    @Test
    void approvalsFromGroups_nameThePeopleWhoseApprovalWouldStillCount() {
        UnmetRequirement release = requirement(decide(Principal.of("alice", "developers"), false, "rita"),
                "release-approval");

        assertEquals("approvals", release.kind());
        assertEquals("tier:production", release.level());
        assertEquals(List.of("developers", "release-managers"), release.approverGroups());
        assertEquals(List.of("rae", "rob"), release.approvers(), "not alice (asks), ci@tooling (built it), rita (counted)");
    }

    @Test
    void approvalsFromAnyone_nameNoGroup_butStar() {
        UnmetRequirement anyone = requirement(decide(Principal.of("alice", "developers"), false), "anyone-approves");

        assertEquals(List.of("*"), anyone.approverGroups());
        assertEquals(List.of(), anyone.approvers());
    }

    @Test
    void aClosedWindow_isUnmet_withNobodyToAsk() {
        UnmetRequirement window = requirement(decide(Principal.of("alice", "developers"), false), "working-hours");

        assertEquals("window", window.kind());
        assertEquals(List.of(), window.approverGroups());
        assertEquals(List.of(), window.approvers());
    }

    @Test
    void breakGlass_listsItsOwnApprovals_andNotWhatItBypassed() {
        Decision decision = decide(Principal.of("sam", "sre-leads"), true);

        List<String> unmet = decision.unmet().stream().map(UnmetRequirement::statementId).toList();
        assertEquals(false, unmet.contains("release-approval"), unmet.toString());
        UnmetRequirement emergency = requirement(decision, "emergency-approval");
        assertEquals(List.of("sre-leads"), emergency.approverGroups());
        assertEquals(List.of(), emergency.approvers(), "sam asks, and is the only SRE lead");
    }

    @Test
    void aDecisionMadeFromResultsAlone_hasItsUnmetResultsAsPlainRequirements() {
        Decision decision = new Decision(Outcome.PENDING, false, List.of(
                new StatementResult("soak", "organization", Verdict.UNMET, "12h of soak left"),
                new StatementResult("engineers", "organization", Verdict.ALLOWS, "alice is in developers")));

        assertEquals(List.of(new UnmetRequirement("soak", "organization", "requirement", "12h of soak left",
                List.of(), List.of())), decision.unmet());
    }
}
