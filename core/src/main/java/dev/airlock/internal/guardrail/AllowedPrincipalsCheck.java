package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** Allowed principals: a guardrail that denies everyone not listed, whatever permissions say. */
final class AllowedPrincipalsCheck extends Check {
    private final PrincipalMatch match;

    AllowedPrincipalsCheck(Statement statement, Attachment attach, Rule.AllowedPrincipals rule) {
        super(statement, attach);
        this.match = new PrincipalMatch(rule.principals(), rule.groups());
    }

    @Override
    Verdict evaluate(Facts facts) {
        return match.matches(facts) ? Verdict.PASSES : Verdict.DENIES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        String how = match.how(facts);
        return how != null ? how : "only " + match.listed() + " may promote into " + facts.target() + "; "
                + PrincipalMatch.describe(facts) + " is none of them";
    }
}
