package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Duration;
import java.time.Instant;

/** Maximum artifact age, counted from the build time in the artifact's provenance. */
final class MaxAgeCheck extends Check {
    private final Rule.MaxAge rule;

    MaxAgeCheck(Statement statement, Attachment attach, Rule.MaxAge rule) {
        super(statement, attach);
        this.rule = rule;
    }

    @Override
    Verdict evaluate(Facts facts) {
        Instant builtAt = facts.request.artifact().provenance().builtAt();
        return Times.compareEnd(builtAt, rule.maxAge(), facts.now) < 0 ? Verdict.DENIES : Verdict.PASSES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        Instant builtAt = facts.request.artifact().provenance().builtAt();
        String age = Durations.format(Duration.between(builtAt, facts.now));
        String max = Durations.format(rule.maxAge());
        return verdict == Verdict.DENIES
                ? "built " + age + " ago at " + Times.format(builtAt) + ", older than the maximum " + max + "; build it again"
                : "built " + age + " ago, within the maximum " + max;
    }
}
