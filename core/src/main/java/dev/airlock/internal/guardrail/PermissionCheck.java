package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;

/** A permission: grants listed principals and members of listed groups; says nothing about others. */
final class PermissionCheck extends Check {
    private final PrincipalMatch match;

    PermissionCheck(Statement statement, Attachment attach, Rule.Permission rule) {
        super(statement, attach);
        this.match = new PrincipalMatch(rule.principals(), rule.groups());
    }

    @Override
    Verdict evaluate(Facts facts) {
        return match.matches(facts) ? Verdict.ALLOWS : Verdict.NOT_APPLICABLE;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        String how = match.how(facts);
        return how != null ? "grants: " + how
                : "does not grant " + PrincipalMatch.describe(facts) + "; it grants " + match.listed();
    }
}
