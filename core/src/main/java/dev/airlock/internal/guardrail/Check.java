package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.UnmetRequirement;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rollbacks;
import dev.airlock.guardrail.policy.Statement;
import java.util.List;

/**
 * A compiled statement. {@link #evaluate} decides fast and allocates as little as possible;
 * {@link #reason} says why in words, and runs only when a decision is explained. Both are pure, so
 * the reason rendered later matches the verdict reached earlier.
 */
abstract class Check {
    private static final CompiledCondition[] ALWAYS = new CompiledCondition[0];

    final String id;
    final String level;
    /** The statement's kind as a policy document writes it; for a built-in, its id without {@code builtin:}. */
    final String kind;
    final int rank;
    final boolean bypassable;
    private final Rollbacks rollbacks;
    private final CompiledCondition[] when;

    /** A statement from a policy document attached at {@code attach}. */
    Check(Statement statement, Attachment attach) {
        this.id = statement.id();
        this.level = attach.level();
        this.kind = statement.rule().kind();
        this.rank = attach.scope().ordinal();
        this.bypassable = statement.bypassable();
        this.rollbacks = statement.rollbacks();
        this.when = CompiledCondition.all(statement.when());
    }

    /** A built-in statement at the organization level that break-glass cannot bypass. */
    Check(String builtInId) {
        this.id = builtInId;
        this.level = Attachment.organization().level();
        this.kind = builtInId.substring(builtInId.indexOf(':') + 1);
        this.rank = Attachment.Scope.ORGANIZATION.ordinal();
        this.bypassable = false;
        this.rollbacks = Rollbacks.INCLUDE;
        this.when = ALWAYS;
    }

    /** Whether this check reads other checks' verdicts, and so runs after them. */
    boolean derived() {
        return false;
    }

    /** The verdict, with scope and break-glass applied. */
    final Verdict judge(Facts facts) {
        if (!inScope(facts)) {
            return Verdict.NOT_APPLICABLE;
        }
        Verdict verdict = evaluate(facts);
        if (bypassable && facts.request.breakGlass()) {
            if (verdict == Verdict.DENIES) {
                return Verdict.BYPASSED_DENY;
            }
            if (verdict == Verdict.UNMET) {
                return Verdict.BYPASSED_UNMET;
            }
        }
        return verdict;
    }

    private boolean inScope(Facts facts) {
        if (!rollbacks.appliesTo(facts.request.rollback())) {
            return false;
        }
        for (CompiledCondition condition : when) {
            if (!condition.test(facts)) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code verdict} (as returned by {@link #judge}) was reached. */
    final String explain(Facts facts, Verdict verdict) {
        return switch (verdict) {
            case NOT_APPLICABLE -> outOfScopeReason(facts);
            case BYPASSED_DENY -> "bypassed by break-glass; would deny: " + reason(facts, Verdict.DENIES);
            case BYPASSED_UNMET -> "bypassed by break-glass; would need: " + reason(facts, Verdict.UNMET);
            default -> reason(facts, verdict);
        };
    }

    private String outOfScopeReason(Facts facts) {
        if (!rollbacks.appliesTo(facts.request.rollback())) {
            return rollbacks == Rollbacks.EXCLUDE ? "does not apply to rollbacks" : "applies only to rollbacks";
        }
        for (CompiledCondition condition : when) {
            if (!condition.test(facts)) {
                return "does not apply: " + condition.describe(facts);
            }
        }
        return reason(facts, Verdict.NOT_APPLICABLE);
    }

    /** This check, judged {@link Verdict#UNMET} for {@code reason}, as data; approvals add who may approve. */
    UnmetRequirement unmet(Facts facts, String reason) {
        return new UnmetRequirement(id, level, kind, reason, List.of(), List.of());
    }

    /** Decides, ignoring scope and break-glass. */
    abstract Verdict evaluate(Facts facts);

    /** Why {@link #evaluate} gave {@code verdict}. */
    abstract String reason(Facts facts, Verdict verdict);

    /** Joins names as people list them: {@code a}, {@code a or b}, {@code a, b or c}. */
    static String either(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
