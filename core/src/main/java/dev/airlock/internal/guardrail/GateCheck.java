package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/**
 * An external gate, judged on the answer gathered before the decision: only an approval passes; a
 * rejection denies a deny statement and leaves a requirement unmet; no answer is pending.
 */
final class GateCheck extends Check {
    private final Rule.Gate rule;

    GateCheck(Statement statement, Attachment attach, Rule.Gate rule) {
        super(statement, attach);
        this.rule = rule;
    }

    String gate() {
        return rule.gate();
    }

    @Override
    Verdict evaluate(Facts facts) {
        GateAnswer answer = facts.state.gateAnswers().get(rule.gate());
        if (answer == null) {
            return Verdict.UNMET;
        }
        return switch (answer.status()) {
            case APPROVED -> Verdict.PASSES;
            case REJECTED -> rule.effect() == Effect.DENY ? Verdict.DENIES : Verdict.UNMET;
            case PENDING -> Verdict.UNMET;
        };
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        GateAnswer answer = facts.state.gateAnswers().get(rule.gate());
        return "gate '" + rule.gate() + "' " + (answer == null ? "was not asked" : answer.describe());
    }
}
