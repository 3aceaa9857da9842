package dev.airlock.internal.guardrail;

import java.util.ArrayList;
import java.util.List;

/** The implicit deny: a request that no permission grants is denied. Runs after the permissions. */
final class PermissionRequiredCheck extends Check {
    static final String BUILT_IN_ID = "builtin:permission";

    PermissionRequiredCheck() {
        super(BUILT_IN_ID);
    }

    @Override
    boolean derived() {
        return true;
    }

    @Override
    Verdict evaluate(Facts facts) {
        for (Verdict verdict : facts.verdicts) {
            if (verdict == Verdict.ALLOWS) {
                return Verdict.PASSES;
            }
        }
        return Verdict.DENIES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        List<String> granting = new ArrayList<>();
        for (int i = 0; i < facts.verdicts.length; i++) {
            if (facts.verdicts[i] == Verdict.ALLOWS) {
                granting.add(facts.plan.checks[i].id);
            }
        }
        return granting.isEmpty()
                ? "no permission grants " + PrincipalMatch.describe(facts) + " promotion into " + facts.target()
                : "granted by " + String.join(", ", granting);
    }
}
