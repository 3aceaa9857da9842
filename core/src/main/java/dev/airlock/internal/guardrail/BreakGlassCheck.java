package dev.airlock.internal.guardrail;

import java.util.ArrayList;
import java.util.List;

/**
 * Break-glass needs its own approvals: a break-glass request is denied unless an approvals statement
 * for break-glass applies to it. Runs after the statements it looks at.
 */
final class BreakGlassCheck extends Check {
    static final String BUILT_IN_ID = "builtin:break-glass";

    BreakGlassCheck() {
        super(BUILT_IN_ID);
    }

    @Override
    boolean derived() {
        return true;
    }

    @Override
    Verdict evaluate(Facts facts) {
        if (!facts.request.breakGlass()) {
            return Verdict.NOT_APPLICABLE;
        }
        return requirements(facts).isEmpty() ? Verdict.DENIES : Verdict.PASSES;
    }

    private static List<String> requirements(Facts facts) {
        List<String> ids = new ArrayList<>(1);
        for (int i = 0; i < facts.verdicts.length; i++) {
            if (facts.plan.checks[i] instanceof ApprovalsCheck approvals && approvals.rule.breakGlass()
                    && facts.verdicts[i] != Verdict.NOT_APPLICABLE) {
                ids.add(approvals.id);
            }
        }
        return ids;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        if (!facts.request.breakGlass()) {
            return "does not apply: not a break-glass request";
        }
        List<String> ids = requirements(facts);
        return ids.isEmpty()
                ? "break-glass into " + facts.target() + " is not possible: no approvals statement with breakGlass: true applies"
                : "break-glass (" + facts.request.justification() + ") needs the approvals of " + String.join(", ", ids);
    }
}
