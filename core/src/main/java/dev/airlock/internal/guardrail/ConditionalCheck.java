package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** Generic conditions: deny when all hold, allow when all hold, or require that all hold. */
final class ConditionalCheck extends Check {
    private final Effect effect;
    private final CompiledCondition[] conditions;
    private final String why;

    ConditionalCheck(Statement statement, Attachment attach, Rule.Conditional rule) {
        super(statement, attach);
        this.effect = rule.effect();
        this.conditions = CompiledCondition.all(rule.conditions());
        this.why = rule.reason().isBlank() ? "" : rule.reason() + ": ";
    }

    private boolean allHold(Facts facts) {
        for (CompiledCondition condition : conditions) {
            if (!condition.test(facts)) {
                return false;
            }
        }
        return true;
    }

    @Override
    Verdict evaluate(Facts facts) {
        boolean held = allHold(facts);
        return switch (effect) {
            case DENY -> held ? Verdict.DENIES : Verdict.PASSES;
            case ALLOW -> held ? Verdict.ALLOWS : Verdict.NOT_APPLICABLE;
            case REQUIRE -> held ? Verdict.PASSES : Verdict.UNMET;
        };
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        if (allHold(facts)) {
            List<String> all = new ArrayList<>();
            for (CompiledCondition condition : conditions) {
                all.add(condition.describe(facts));
            }
            return why + String.join(" and ", all);
        }
        for (CompiledCondition condition : conditions) {
            if (!condition.test(facts)) {
                return why + condition.describe(facts);
            }
        }
        throw new IllegalStateException("not all conditions hold, yet none fails");
    }
}
