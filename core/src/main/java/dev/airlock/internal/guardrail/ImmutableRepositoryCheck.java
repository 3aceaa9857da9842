package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** The target's repository must be immutable, as its artifact store reports in the state. */
final class ImmutableRepositoryCheck extends Check {

    ImmutableRepositoryCheck(Statement statement, Attachment attach, Rule.ImmutableRepository rule) {
        super(statement, attach);
    }

    @Override
    Verdict evaluate(Facts facts) {
        return facts.state.targetRepositoryImmutable() ? Verdict.PASSES : Verdict.DENIES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        return verdict == Verdict.PASSES ? "the repository of " + facts.target() + " is immutable"
                : "the repository of " + facts.target() + " lets tags be overwritten; it must be immutable";
    }
}
