package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.LANDSCAPE;
import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static dev.airlock.guardrail.Fixtures.enter;
import static dev.airlock.guardrail.Fixtures.promote;
import static dev.airlock.guardrail.Fixtures.state;

import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rollbacks;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generic conditions over request attributes: each operator, each effect, and {@code when}. */
class GenericConditionTest {
    private static final PolicyDocument EVERYONE = PolicyDocument.of("base", "1", Attachment.organization(),
            Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))));

    private static Decision decide(Statement statement, Fixtures.RequestBuilder request) {
        return decide(statement, request, state());
    }

    private static Decision decide(Statement statement, Fixtures.RequestBuilder request, Fixtures.StateBuilder state) {
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(EVERYONE,
                PolicyDocument.of("extra", "1", Attachment.organization(), statement)), Map.of("developers", List.of("alice")));
        return guardrails.decide(request.by("alice").build(), state.build(), TUESDAY_11_BERLIN);
    }

    private static Statement deny(Condition condition) {
        return Statement.of("rule", new Rule.Conditional(Effect.DENY, List.of(condition), ""));
    }

    @Test
    void equals_matchesTheExactValue() {
        Expect.reason(decide(deny(Condition.equalTo("artifact.name", "shop")), enter("dev")), "rule", "artifact.name 'shop' equals shop");
        Expect.statement(decide(deny(Condition.equalTo("artifact.name", "cart")), enter("dev")), "rule", Verdict.PASSES,
                "artifact.name 'shop' does not equal cart");
    }

    @Test
    void notEquals_holdsForADifferentOrMissingValue() {
        Expect.statement(decide(deny(Condition.notEqualTo("attributes.ticket", "x")), enter("dev")), "rule", Verdict.DENIES,
                "attributes.ticket is missing (need not equal x)");
        Expect.statement(decide(deny(Condition.notEqualTo("principal", "alice")), enter("dev")), "rule", Verdict.PASSES,
                "principal 'alice' equals alice");
    }

    @Test
    void in_matchesAnyListedValue() {
        Expect.statement(decide(deny(Condition.in("target.tier", "development", "test")), enter("dev")), "rule",
                Verdict.DENIES, "target.tier 'development' is one of [development, test]");
        Expect.statement(decide(deny(Condition.in("target.account", "111111111111")), enter("dev")), "rule",
                Verdict.PASSES, "target.account '222222222222' is not one of [111111111111]");
    }

    @Test
    void glob_matchesAPattern() {
        Expect.statement(decide(deny(Condition.glob("artifact.repository", "github.com/*/sh?p")), enter("dev")), "rule",
                Verdict.DENIES, "artifact.repository 'github.com/acme/shop' matches github.com/*/sh?p");
        Expect.statement(decide(deny(Condition.glob("artifact.builder", "ci@*-prod")), enter("dev")), "rule",
                Verdict.PASSES, "artifact.builder 'ci@tooling' does not match ci@*-prod");
    }

    @Test
    void beforeAndAfter_compareInstants() {
        Instant built = Fixtures.artifact().provenance().builtAt();
        Expect.statement(decide(deny(Condition.before("artifact.builtAt", built.plusSeconds(1))), enter("dev")), "rule",
                Verdict.DENIES, "artifact.builtAt '2025-03-20T10:00:00Z' is before 2025-03-20T10:00:01Z");
        Expect.statement(decide(deny(Condition.after("now", TUESDAY_11_BERLIN)), enter("dev")), "rule",
                Verdict.DENIES, "now '2025-03-25T10:00:00Z' is at or after 2025-03-25T10:00:00Z");
        Expect.statement(decide(deny(Condition.after("attributes.deadline", TUESDAY_11_BERLIN)),
                enter("dev").attribute("deadline", "soon")), "rule", Verdict.PASSES, "attributes.deadline 'soon' is not an instant");
        Expect.statement(decide(deny(Condition.before("attributes.deadline", TUESDAY_11_BERLIN)),
                enter("dev").attribute("deadline", "2025-03-25T09:00:00+01:00")), "rule", Verdict.DENIES,
                "is before 2025-03-25T10:00:00Z");
    }

    @Test
    void allowEffect_grantsLikeAPermission() {
        Statement ciMayPromote = Statement.of("ci-may", new Rule.Conditional(Effect.ALLOW,
                List.of(Condition.equalTo("principal", "ci-bot")), "the pipeline bot"));
        Guardrails guardrails = Guardrails.of(LANDSCAPE, List.of(PolicyDocument.of("x", "1", Attachment.organization(),
                ciMayPromote)), Map.of());

        Decision decision = guardrails.decide(enter("dev").by("ci-bot").build(), state().build(), TUESDAY_11_BERLIN);

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "ci-may", "the pipeline bot: principal 'ci-bot' equals ci-bot");
        Expect.reason(decision, "builtin:permission", "granted by ci-may");
    }

    @Test
    void when_limitsWhereAStatementApplies() {
        Statement prodOnlyAge = Statement.of("prod-only-age", new Rule.MaxAge(Duration.ofDays(1)))
                .withWhen(Condition.equalTo("target.tier", "production"));

        Decision decision = decide(prodOnlyAge, enter("dev"));

        Expect.outcome(decision, Outcome.ALLOWED);
        Expect.reason(decision, "prod-only-age", "does not apply: target.tier 'development' does not equal production");
    }

    @Test
    void rollbacksOnly_appliesOnlyToRollbacks() {
        Statement rollbackTicket = Statement.of("rollback-ticket", new Rule.Conditional(Effect.REQUIRE,
                List.of(Condition.glob("attributes.incident", "INC-*")), "rollbacks name their incident"))
                .withRollbacks(Rollbacks.ONLY);

        Expect.reason(decide(rollbackTicket, promote("dev", "test").withoutAttribute("change")), "rollback-ticket",
                "applies only to rollbacks");
        Decision rollback = decide(rollbackTicket, promote("dev", "test").rollback(),
                state().verified("test", TUESDAY_11_BERLIN.minus(Duration.ofDays(3))));
        Expect.outcome(rollback, Outcome.PENDING);
        Expect.reason(rollback, "rollback-ticket", "rollbacks name their incident: attributes.incident is missing (must match INC-*)");
    }
}
