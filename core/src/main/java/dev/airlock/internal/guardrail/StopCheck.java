package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** The stop switch: engaged, it denies everything it covers; break-glass never bypasses it. */
final class StopCheck extends Check {
    private final Rule.Stop rule;

    StopCheck(Statement statement, Attachment attach, Rule.Stop rule) {
        super(statement, attach);
        this.rule = rule;
    }

    @Override
    Verdict evaluate(Facts facts) {
        return rule.engaged() ? Verdict.DENIES : Verdict.PASSES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        if (!rule.engaged()) {
            return "stop switch not engaged";
        }
        return Rule.Stop.ENGAGED_REASON + (rule.reason().isBlank() ? "" : ": " + rule.reason());
    }
}
