package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** A freeze: while it holds, denied. A freeze beats any window, as every deny beats everything else. */
final class FreezeCheck extends Check {
    private final CompiledSchedule schedule;
    private final String why;

    FreezeCheck(Statement statement, Attachment attach, Rule.Freeze rule) {
        super(statement, attach);
        this.schedule = new CompiledSchedule(rule.schedule());
        this.why = rule.reason().isBlank() ? "" : ": " + rule.reason();
    }

    @Override
    Verdict evaluate(Facts facts) {
        return schedule.contains(facts.now) ? Verdict.DENIES : Verdict.PASSES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        long end = schedule.stretchEnd(facts.now);
        if (end != Long.MIN_VALUE) {
            return "frozen until " + schedule.describe(end) + why;
        }
        long next = schedule.nextStart(facts.now);
        return next == Long.MIN_VALUE ? "the freeze is over" : "not frozen; next freeze starts " + schedule.describe(next);
    }
}
