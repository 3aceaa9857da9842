package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Condition.Operator;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A {@link Condition} ready to test: attribute accessor resolved, instants parsed, sets built. */
final class CompiledCondition {
    private final Condition condition;
    private final Attribute attribute;
    private final Operator operator;
    private final String value;
    private final Set<String> values;
    private final @Nullable Instant bound;
    private final Glob glob;

    CompiledCondition(Condition condition) {
        this.condition = condition;
        this.attribute = Attribute.of(condition.attribute());
        this.operator = condition.operator();
        this.value = condition.value();
        this.values = new HashSet<>(condition.values());
        this.glob = Glob.of(value);
        this.bound = operator == Operator.BEFORE || operator == Operator.AFTER
                ? Condition.parseInstant(operator.configName(), value) : null;
    }

    static CompiledCondition[] all(List<Condition> conditions) {
        return conditions.stream().map(CompiledCondition::new).toArray(CompiledCondition[]::new);
    }

    boolean test(Facts facts) {
        return switch (operator) {
            case EQUALS -> value.equals(attribute.text(facts));
            case NOT_EQUALS -> !value.equals(attribute.text(facts));
            case IN -> {
                String actual = attribute.text(facts);
                yield actual != null && values.contains(actual);
            }
            case GLOB -> {
                String actual = attribute.text(facts);
                yield actual != null && glob.matches(actual);
            }
            case BEFORE -> {
                Instant actual = attribute.instant(facts);
                yield actual != null && actual.isBefore(bound);
            }
            case AFTER -> {
                Instant actual = attribute.instant(facts);
                yield actual != null && !actual.isBefore(bound);
            }
        };
    }

    /** What the attribute is and how that compares, e.g. {@code attributes.ticket 'CHG-1' matches CHG-*}. */
    String describe(Facts facts) {
        boolean held = test(facts);
        String actual = attribute.text(facts);
        String subject = actual == null ? attribute.name + " is missing" : attribute.name + " '" + actual + "'";
        String relation = switch (operator) {
            case EQUALS -> held ? "equals " + value : (actual == null ? "(must equal " + value + ")" : "does not equal " + value);
            case NOT_EQUALS -> held ? (actual == null ? "(need not equal " + value + ")" : "does not equal " + value)
                    : "equals " + value;
            case IN -> held ? "is one of " + condition.values() : (actual == null ? "(must be one of " + condition.values() + ")"
                    : "is not one of " + condition.values());
            case GLOB -> held ? "matches " + value : (actual == null ? "(must match " + value + ")" : "does not match " + value);
            case BEFORE, AFTER -> instantRelation(facts, held, actual);
        };
        return subject + " " + relation;
    }

    private String instantRelation(Facts facts, boolean held, @Nullable String actual) {
        String word = operator == Operator.BEFORE ? "before " : "at or after ";
        if (actual == null) {
            return "(must be " + word + value + ")";
        }
        if (attribute.instant(facts) == null) {
            return "is not an instant (must be " + word + value + ")";
        }
        return (held ? "is " : "is not ") + word + value;
    }

    @Override
    public String toString() {
        return condition.toString();
    }
}
