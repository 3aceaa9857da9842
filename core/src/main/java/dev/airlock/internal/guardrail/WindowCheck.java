package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** A change window: open passes; closed is pending until it opens, or denied when it never will. */
final class WindowCheck extends Check {
    private final CompiledSchedule schedule;

    WindowCheck(Statement statement, Attachment attach, Rule.Window rule) {
        super(statement, attach);
        this.schedule = new CompiledSchedule(rule.schedule());
    }

    @Override
    Verdict evaluate(Facts facts) {
        if (schedule.contains(facts.now)) {
            return Verdict.PASSES;
        }
        return schedule.opensLater(facts.now) ? Verdict.UNMET : Verdict.DENIES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        long end = schedule.stretchEnd(facts.now);
        if (end != Long.MIN_VALUE) {
            return "window open until " + schedule.describe(end);
        }
        long next = schedule.nextStart(facts.now);
        return next == Long.MIN_VALUE ? "the window has closed for good"
                : "window opens " + schedule.describeFrom(next, facts.now);
    }
}
